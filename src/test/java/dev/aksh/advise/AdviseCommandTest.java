package dev.aksh.advise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aksh.testing.InProcessAksh;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** connect advise and connect check on each of the sandbox's clusters, in process: what an operator reads. */
class AdviseCommandTest {
    static InProcessAksh aksh;

    @BeforeAll
    static void start() throws Exception {
        aksh = InProcessAksh.sandbox();
    }

    @AfterAll
    static void stop() throws Exception {
        aksh.close();
    }

    static String row(String out, String way) {
        return out.lines().filter(l -> l.startsWith(way)).findFirst().orElseThrow(() -> new AssertionError(way + " in\n" + out));
    }

    @Test
    void paymentsIsReachableThroughBastionRunCommandAndTheHubsPeering() {
        String out = aksh.run("connect advise aks-payments");
        assertThat(out.lines().skip(1).findFirst().orElseThrow()).startsWith("Azure Bastion tunnel").contains("ready")
                .contains("bas-hub in vnet-hub (subscription Contoso Platform), peered with vnet-payments");
        assertThat(row(out, "AKS command invoke")).contains("ready");
        assertThat(row(out, "VNet peering")).contains("ready").contains("from a machine in vnet-hub: peered (Connected) and "
                + "linked to the private DNS zone");
        assertThat(out).endsWith("\nNext: connect bastion\n");
        assertThat(aksh.console().stderr()).doesNotContain("warning").contains("your roles on aks-payments: Owner");
    }

    @Test
    void onlyRunCommandWorksWhereBastionCannot() {
        String batch = aksh.run("connect advise aks-batch");
        assertThat(row(batch, "Azure Bastion tunnel")).contains("needs setup").contains("--enable-public-fqdn");
        assertThat(batch).endsWith("Next: invoke \"kubectl get pods -A\"\n");
        String auto = aksh.run("connect advise aks-auto");
        assertThat(row(auto, "Azure Bastion tunnel")).contains("not possible").contains("AKS Automatic");
        assertThat(row(auto, "Cloud Shell in a VNet")).contains("not possible");
        assertThat(row(auto, "AKS command invoke")).contains("ready");
        assertThat(aksh.console().stderr()).doesNotContain("warning");
    }

    @Test
    void onlyBastionWorksWhereRunCommandIsOff() {
        String out = aksh.run("connect advise aks-ledger");
        assertThat(row(out, "VNet peering")).contains("needs setup").contains("vnet-hub is peered but not linked");
        assertThat(row(out, "AKS command invoke")).contains("needs setup").contains("--enable-run-command");
        assertThat(row(out, "Azure Bastion tunnel")).contains("ready");
        assertThat(out).endsWith("Next: connect bastion --bastion bas-ledger\n");
    }

    @Test
    void anExistingPeeringWithADnsLinkIsReady() {
        String ops = "/subscriptions/0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58/resourceGroups/rg-ops/providers/Microsoft.Network/"
                + "virtualNetworks/vnet-ops";
        try (InProcessAksh own = InProcessAksh.sandbox()) {
            own.console().answer(true);
            own.run("network peering create --vnet " + ops + " --cluster aks-payments");
            assertThat(own.last().status()).isZero();
            assertThat(row(own.run("connect advise aks-payments"), "VNet peering")).contains("ready")
                    .contains("from a machine in vnet-ops: peered (Connected) and linked to the private DNS zone");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPublicClusterWithRangesNeedsYourIpAndAStoppedOneNeedsStarting() throws Exception {
        String web = aksh.run("connect advise aks-web");
        assertThat(row(web, "Public endpoint")).contains("needs setup").contains("your IP 84.17.53.201 is not in the 2 "
                + "authorized ranges").contains("ranges add-my-ip --wait");
        assertThat(row(web, "VNet peering")).contains("not possible");
        String dev = aksh.run("connect advise aks-dev");
        assertThat(dev.lines().skip(1).limit(8).toList()).allMatch(l -> l.contains("not possible") && l.contains("stopped"));
        assertThat(dev).endsWith("Next: az aks start -g rg-dev -n aks-dev\n");
        JsonNode json = new ObjectMapper().readTree(aksh.run("connect advise aks-web -o json"));
        assertThat(json.path("next").asText()).isEqualTo("invoke \"kubectl get pods -A\"");
        assertThat(json.path("options")).hasSize(8);
        assertThat(json.path("facts").path("myIp").asText()).isEqualTo("84.17.53.201");
    }

    @Test
    void checkExplainsDnsPrivateAddressesAndRanges() throws Exception {
        String pay = aksh.run("connect check aks-payments");
        assertThat(aksh.last().status()).isEqualTo(1);
        assertThat(pay).contains("private FQDN   no such name").contains("DNS not linked: ")
                .containsPattern("public FQDN +10\\.20\\.0\\.4 \\(private\\) +no answer \\(connect timed out\\)")
                .contains("a private address (10.20.0.4) not routable from here");
        String web = aksh.run("connect check aks-web");
        assertThat(aksh.last().status()).isEqualTo(1);
        assertThat(web).contains("blocked by the authorized IP ranges: your IP 84.17.53.201 is not in them; "
                + "'ranges add-my-ip --wait'");
        aksh.console().answer(true); // a production context asks before a change
        aksh.run("ranges add-my-ip --cluster aks-web --wait");
        assertThat(aksh.last().status()).isZero();
        String after = aksh.run("connect check aks-web -o json");
        assertThat(aksh.last().status()).isZero();
        JsonNode j = new ObjectMapper().readTree(after);
        assertThat(j.path("reachable").asBoolean()).isTrue();
        assertThat(j.path("probes").get(0).path("verdict").asText()).isEqualTo("REACHABLE");
        assertThat(j.path("probes").get(0).path("tls").asText()).startsWith("TLS");
    }
}
