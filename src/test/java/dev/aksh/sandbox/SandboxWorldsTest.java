package dev.aksh.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.testing.InProcessAksh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sandbox reset, save and load: the world comes back whole, the session follows, bad files change nothing. */
class SandboxWorldsTest {
    InProcessAksh aksh;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        aksh = InProcessAksh.sandboxWithEnv(Map.of("AKSH_PRODUCTION", ""));
    }

    @AfterEach
    void stop() throws Exception {
        aksh.close();
    }

    private String ok(String line) {
        String out = aksh.run(line);
        assertThat(aksh.last().status()).as(line + ": " + aksh.last().error()).isZero();
        return out;
    }

    /** Changes a trainee might make: a range on aks-web, a deployment and a Helm release gone from aks-payments. */
    private void change() {
        ok("ranges add 52.140.10.0/24 --cluster aks-web");
        ok("invoke 'kubectl delete deployment payments-worker -n payments && kubectl create deployment nginx --image "
                + "nginx:1.27 && helm uninstall ingress-nginx -n ingress-nginx' --cluster aks-payments");
    }

    private boolean changed() {
        String ranges = ok("ranges show --cluster aks-web");
        String both = ok("invoke 'kubectl get deploy -A && echo --- && helm list -A' --cluster aks-payments");
        String deployments = both.substring(0, both.indexOf("---"));
        String releases = both.substring(both.indexOf("---"));
        boolean all = ranges.contains("52.140.10.0/24") && deployments.contains("nginx")
                && !deployments.contains("payments-worker") && !releases.contains("ingress-nginx");
        boolean none = !ranges.contains("52.140.10.0/24") && !deployments.contains("nginx")
                && deployments.contains("payments-worker") && releases.contains("ingress-nginx");
        assertThat(all || none).as("either every change is there or none is:\n" + ranges + deployments + releases).isTrue();
        return all;
    }

    @Test
    void resetPutsTheWorldBackAndTurnsFaultsOff() {
        change();
        ok("sandbox fault slow-commands 100");
        assertThat(changed()).isTrue();
        assertThat(ok("sandbox reset")).isEqualTo("Reset the sandbox: world Contoso, faults off.\n");
        assertThat(changed()).isFalse();
        assertThat(ok("sandbox status")).contains("Faults:                none");
    }

    @Test
    void resetClosesTheSessionsTunnelsAndTheirBastionSessions() {
        ok("cluster use aks-payments");
        ok("connect bastion");
        assertThat(aksh.aksh().tunnels().list()).hasSize(1);
        assertThat(ok("sandbox reset")).isEqualTo("Reset the sandbox: world Contoso, faults off, 1 tunnel closed.\n");
        assertThat(aksh.aksh().tunnels().list()).isEmpty();
        assertThat(aksh.aksh().sandbox().bastions().liveSessions()).isZero();
        assertThat(aksh.aksh().session().get().cluster().name()).as("the cluster is still there").isEqualTo("aks-payments");
        ok("connect bastion"); // the new world's Bastion hosts answer
        ok("tunnel close");
    }

    @Test
    void saveThenLoadBringsTheStateBackInThisSessionAndTheNext() throws Exception {
        change();
        Path saved = dir.resolve("lab/state.json");
        assertThat(ok("sandbox save " + saved)).isEqualTo("Saved the sandbox's state to " + saved + ". 'sandbox load "
                + saved + "' brings it back.\n");
        assertThat(Files.readString(saved)).contains("\"aksh\" : \"sandbox-state\"").doesNotContain("Bearer");
        ok("sandbox reset");
        assertThat(changed()).isFalse();
        assertThat(ok("sandbox load " + saved)).isEqualTo("Loaded " + saved + ": the sandbox: world Contoso, faults off.\n");
        assertThat(changed()).isTrue();
        // a reset goes back to what was loaded, not to the world file
        ok("ranges remove 52.140.10.0/24 --cluster aks-web");
        ok("sandbox reset");
        assertThat(changed()).isTrue();
        // and a later session carries on from the file
        aksh.close();
        aksh = InProcessAksh.sandboxWithEnv(Map.of("AKSH_PRODUCTION", ""));
        assertThat(changed()).isFalse();
        ok("sandbox load " + saved);
        assertThat(changed()).isTrue();
        assertThat(ok("cluster show aks-web")).as("ARM serves the loaded documents").contains("52.140.10.0/24");
    }

    @Test
    void loadingAnotherWorldMovesTheContextToWhatItHas() throws Exception {
        Path world = dir.resolve("lab.yaml");
        Files.writeString(world, """
                name: Lab
                defaultSubscription: Lab
                subscriptions:
                  - id: 7d1b9e0a-1c2f-4b7e-9a55-3f0c6d2e8b41
                    name: Lab
                    resourceGroups:
                      - name: rg-lab
                        clusters:
                          - {name: aks-lab, private: true}
                """);
        ok("cluster use aks-payments");
        assertThat(ok("sandbox load " + world)).isEqualTo("Loaded " + world + ": the sandbox: world Lab, faults off.\n"
                + "The context moved to what this world has: subscription Lab, no cluster.\n");
        assertThat(ok("cluster list")).contains("aks-lab").doesNotContain("aks-payments");
        assertThat(ok("sandbox status")).contains("World:                 Lab");
        ok("sandbox reset");
        assertThat(ok("cluster list")).as("reset keeps the loaded world").contains("aks-lab");
    }

    @Test
    void aBadFileChangesNothing() throws Exception {
        ok("cluster use aks-payments");
        aksh.run("sandbox load " + dir.resolve("missing.json"));
        assertThat(aksh.last().status()).isEqualTo(64);
        assertThat(aksh.last().error().oneLine()).isEqualTo("no file " + dir.resolve("missing.json")
                + "; give a world file or one written by 'sandbox save'");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: Broken\nsubscriptions:\n  - id: 1\n    name: X\n    colour: red\n");
        aksh.run("sandbox load " + bad);
        assertThat(aksh.last().status()).isEqualTo(64);
        assertThat(aksh.last().error().oneLine()).contains("unknown key 'colour'");
        Path otherVersion = dir.resolve("old.json");
        Files.writeString(otherVersion, "{\"aksh\": \"sandbox-state\", \"version\": 0}");
        aksh.run("sandbox load " + otherVersion);
        assertThat(aksh.last().error().oneLine()).contains("saved by another version of aksh");
        assertThat(ok("cluster list")).contains("aks-payments");
        assertThat(aksh.aksh().session().get().cluster().name()).isEqualTo("aks-payments");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        aksh.run("sandbox save " + file.resolve("state.json"));
        assertThat(aksh.last().status()).isEqualTo(64);
        assertThat(aksh.last().error().oneLine()).startsWith("cannot write " + file.resolve("state.json"));
    }

    @Test
    void aStateHalfwayThroughAnOperationIsNotSaved() throws Exception {
        Path world = dir.resolve("slow.yaml");
        String contoso = new String(WorldLoader.class.getResourceAsStream(WorldLoader.DEFAULT_RESOURCE).readAllBytes());
        Files.writeString(world, contoso.replace("lroSeconds: 2 ", "lroSeconds: 30"));
        aksh.close();
        aksh = InProcessAksh.sandboxWorld(world);
        aksh.console().answer(true); // a production context: yes
        Thread writer = new Thread(() -> aksh.aksh().shell().executeLine("ranges add 52.140.10.0/24 --cluster aks-web"));
        writer.start();
        long until = System.currentTimeMillis() + 20_000;
        while (aksh.aksh().sandbox().operationsRunning() == 0 && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertThat(aksh.aksh().sandbox().operationsRunning()).isPositive();
        aksh.run("sandbox save " + dir.resolve("mid.json"));
        assertThat(aksh.last().status()).isEqualTo(64);
        assertThat(aksh.last().error().oneLine()).startsWith("an ARM operation is still running in the sandbox");
        assertThat(dir.resolve("mid.json")).doesNotExist();
        writer.interrupt();
        writer.join(10_000);
    }

    @Test
    void serveInASessionHandsOutTheCaAndCommandsAndDeletesThemAtExit() throws Exception {
        Path env = dir.resolve("sandbox.env");
        String out = ok("sandbox serve --env " + env);
        assertThat(out).startsWith("Serving the sandbox (world Contoso) on 127.0.0.1; nothing here touches real Azure.\n")
                .contains("ARM:             " + aksh.aksh().sandbox().armUrl())
                .contains("az login --service-principal -u 3c9f2b1e-6a4d-4e8b-a7c5-1d2e3f4a5b6c")
                .contains("It serves while this session lives");
        String ca = out.lines().filter(l -> l.startsWith("CA file:")).findFirst().orElseThrow().substring(17).trim();
        assertThat(Files.readString(Path.of(ca))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.getPosixFilePermissions(env)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(env)).contains("export REQUESTS_CA_BUNDLE=" + ca).contains("az cloud set -n AkshSandbox");
        aksh.close();
        assertThat(Path.of(ca)).doesNotExist();
        assertThat(env).doesNotExist();
        aksh = InProcessAksh.sandboxWithEnv(Map.of("AKSH_PRODUCTION", ""));
    }
}
