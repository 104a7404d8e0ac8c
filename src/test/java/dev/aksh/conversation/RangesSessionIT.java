package dev.aksh.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ranges in scripts, through the built aksh against the sandbox: diffs, the lockout guard, exit codes. */
class RangesSessionIT {
    AkshProcess aksh;

    @BeforeEach
    void start() throws Exception {
        aksh = new AkshProcess();
        aksh.env.put("AKSH_PRODUCTION", ""); // these conversations are about their commands, not the production question
    }

    @AfterEach
    void stop() throws Exception {
        aksh.close();
    }

    @Test
    void addMyIpWritesTheDiffAndWaitsUntilTheApiServerAnswers() throws Exception {
        AkshProcess.Run r = aksh.run("""
                cluster use aks-web
                ranges show
                ranges add-my-ip --wait
                ranges check 84.17.53.201
                """, "--sandbox");
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.err()).contains("warning: you (84.17.53.201) are not in aks-web's ranges: 'ranges add-my-ip' adds you\n")
                .contains("warning: aks-web's own outbound IP 51.124.77.10 is not in its ranges")
                .containsPattern("this machine's public IP is 84\\.17\\.53\\.201 \\(https://127\\.0\\.0\\.1:\\d+/sandbox/myip\\)")
                .contains("written; AKS takes up to 2 minutes to apply new rules to the API server\n")
                .containsPattern("aks-web's API server answers from here \\(after \\d+(\\.\\d)?s\\)");
        assertThat(r.out()).contains("""
                aks-web: authorized IP ranges
                + 84.17.53.201/32
                  (2 unchanged: 73.140.245.0/24, 137.117.106.88/29)
                aks-web has 3 authorized ranges
                84.17.53.201 reaches aks-web's API server: it is in 84.17.53.201/32
                """);
    }

    @Test
    void theLockoutGuardAndConfirmationsStopAScriptUnlessToldOtherwise() throws Exception {
        AkshProcess.Run guarded = aksh.run("""
                cluster use aks-web
                ranges add-my-ip
                ranges remove 84.17.53.201/32
                """, "--sandbox");
        assertThat(guarded.exit()).as(guarded.both()).isEqualTo(67);
        assertThat(guarded.err()).endsWith("error: line 3: this change would lock out you (84.17.53.201, this machine's "
                + "public IP): kubectl, helm and 'ranges --wait' from here would be refused (invoke through run command and "
                + "Bastion tunnels would still work); keep or add a range that covers it, or add --force to do it anyway\n");

        AkshProcess.Run confirm = aksh.run(null, "--sandbox", "-c", "ranges set 73.140.245.0/24 84.17.53.201 --cluster aks-web");
        assertThat(confirm.exit()).isEqualTo(67);
        assertThat(confirm.err()).endsWith("error: not changed: aks-web's ranges stay as they are; rerun with --yes to go ahead\n");
        assertThat(confirm.out()).isEqualTo("""
                aks-web: authorized IP ranges
                - 137.117.106.88/29
                + 84.17.53.201/32
                  (1 unchanged: 73.140.245.0/24)
                """);

        AkshProcess.Run yes = aksh.run(null, "--sandbox", "--yes", "-c",
                "ranges set 73.140.245.0/24 84.17.53.201 --cluster aks-web; ranges remove 84.17.53.201/32 --force --cluster aks-web -o json");
        assertThat(yes.exit()).as(yes.both()).isZero();
        JsonNode removed = new ObjectMapper().readTree(yes.out().substring(yes.out().indexOf('{')));
        assertThat(removed.get("after").toString()).isEqualTo("[\"73.140.245.0/24\"]");
        assertThat(removed.get("written").asBoolean()).isTrue();
    }

    @Test
    void badInputIsOneLineAndAnAddressNotCoveredExitsOne() throws Exception {
        AkshProcess.Run hostBits = aksh.run(null, "--sandbox", "-c", "ranges add 137.117.106.90/29 --cluster aks-web");
        assertThat(hostBits.exit()).isEqualTo(64);
        assertThat(hostBits.err()).isEqualTo("error: '137.117.106.90/29' has host bits set: a range must be given by its "
                + "network address; use 137.117.106.88/29 (the range it is in), or 137.117.106.90/32 for that one address\n");
        AkshProcess.Run priv = aksh.run(null, "--sandbox", "-c", "ranges add 84.17.53.201 --cluster aks-payments");
        assertThat(priv.exit()).isEqualTo(67);
        AkshProcess.Run check = aksh.run(null, "--sandbox", "-c", "ranges check 8.8.8.8 --cluster aks-web");
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).isEqualTo("8.8.8.8 does not reach aks-web's API server: none of its 2 ranges covers it "
                + "('ranges add 8.8.8.8' would)\n");
        AkshProcess.Run dry = aksh.run(null, "--sandbox", "-c", "ranges add 198.51.100.7 20.1.2.0/24 --dry-run -o json --cluster aks-web");
        assertThat(dry.exit()).isEqualTo(64).as("a documentation range is refused before any call");
    }

    @Test
    void addingTheBastionsIpLetsConnectBastionThroughWithoutAsking() throws Exception {
        AkshProcess.Run r = aksh.run("""
                cluster use aks-web
                ranges add-bastion-ip
                connect bastion -o json
                """, "--sandbox");
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.err()).contains("Bastion bas-web's public IP is 20.73.152.9\n");
        assertThat(r.out()).contains("+ 20.73.152.9/32").contains("\"bastion\": \"bas-web\"").contains("\"rangesAdded\": [ ]");
    }
}
