package dev.aksh.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aksh.sandbox.ArmResponse;
import dev.aksh.shell.Shell;
import dev.aksh.testing.HeadlessConsole;
import dev.aksh.testing.InProcessAksh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fleet commands as an operator types them, in process against the default world: lines, files, exit codes. */
class FleetCommandTest {
    static final String SCALE = "/subscriptions/0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58/resourceGroups/rg-scale/providers/"
            + "Microsoft.ContainerService/fleets/fleet-scale";
    static InProcessAksh aksh;

    @BeforeAll
    static void start() throws Exception {
        aksh = InProcessAksh.sandbox();
    }

    @AfterAll
    static void stop() throws Exception {
        aksh.close();
    }

    @BeforeEach
    void useFleetProd() {
        aksh.run("fleet use fleet-prod");
        assertThat(aksh.last().ok()).isTrue();
    }

    String error(String line) {
        aksh.run(line);
        assertThat(aksh.last().error()).as(line).isNotNull();
        return aksh.last().status() + " " + aksh.last().error().oneLine();
    }

    @Test
    void listUseAndShowGiveTheHubAndItsState() {
        assertThat(aksh.run("fleet list")).isEqualTo("""
                CURRENT   NAME         RESOURCE GROUP   LOCATION     HUB       VERSION   STATE
                *         fleet-prod   rg-fleet         westeurope   private   1.32.4    Succeeded
                """);
        assertThat(aksh.aksh().session().get().fleet()).endsWith("/resourceGroups/rg-fleet/providers/"
                + "Microsoft.ContainerService/fleets/fleet-prod");
        String show = aksh.run("fleet show");
        assertThat(show).contains("Hub:                  private (its API server has no public address; 'connect bastion --fleet')")
                .containsPattern("Hub FQDN: +fleet-prod-[0-9a-f]{8}\\.flt\\.westeurope\\.azmk8s\\.io")
                .contains("Hub resource group:   FL_rg-fleet_fleet-prod_westeurope")
                .contains("Kubernetes version:   1.32.4").contains("Provisioning state:   Succeeded")
                .contains("Last operation error: (none)");
        assertThat(aksh.run("fleet show " + SCALE)).contains("Hub:                  public");
        assertThat(error("fleet use fleet-prd")).isEqualTo("65 no fleet 'fleet-prd' in subscription Contoso Production; "
                + "did you mean 'fleet-prod'?");
    }

    @Test
    void membersShowClustersGroupsStatesAndErrorsAndFeedClusterCompletion() throws Exception {
        assertThat(aksh.run("fleet members")).isEqualTo("""
                NAME       CLUSTER                    GROUP    STATE       LAST ERROR
                batch      rg-batch/aks-batch         prod     Failed      MemberAgentUnreachable: the member agent on aks-batch could not reach the hub cluster
                ledger     rg-ledger/aks-ledger       prod     Succeeded
                payments   rg-payments/aks-payments   prod     Succeeded
                web        rg-web/aks-web             canary   Succeeded
                """);
        assertThat(aksh.console().stderr()).isEqualTo("warning: 1 of 4 members of fleet-prod report an error (LAST ERROR)\n");
        JsonNode json = new ObjectMapper().readTree(aksh.run("fleet members --labels -o json"));
        assertThat(json).hasSize(4);
        assertThat(json.get(0).path("clusterId").asText()).endsWith("/resourceGroups/rg-batch/providers/"
                + "Microsoft.ContainerService/managedClusters/aks-batch");
        assertThat(aksh.run("fleet members -o tsv").lines().findFirst().orElseThrow())
                .isEqualTo("batch\trg-batch/aks-batch\tprod\tFailed\tMemberAgentUnreachable: the member agent on aks-batch "
                        + "could not reach the hub cluster");
        assertThat(aksh.aksh().completion().complete("cluster use "))
                .extracting(s -> s.value()).contains("aks-batch", "aks-payments");
        assertThat(aksh.aksh().completion().complete("fleet invoke 'kubectl get ns' --members "))
                .extracting(s -> s.value()).contains("batch", "ledger", "payments", "web");
        assertThat(aksh.aksh().completion().complete("fleet invoke 'kubectl get ns' --group "))
                .extracting(s -> s.value()).containsExactly("canary", "prod");
    }

    @Test
    void getCredentialsMergesAPrivateKubeconfigThatSignsInWithoutDeviceCode() throws Exception {
        Path kc = aksh.configDir().resolve(".kube/config");
        Files.deleteIfExists(kc);
        String out = aksh.run("fleet get-credentials");
        assertThat(out).startsWith("Merged context fleet-prod (hub of fleet-prod, fleet-prod-")
                .contains("Signs in as you through aksh kube-token (");
        assertThat(aksh.console().stderr()).contains("fleet-prod's hub is private: ")
                .contains("use 'connect bastion --fleet fleet-prod --kubeconfig ~/.kube/config'");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kc))).isEqualTo("rw-------");
        String text = Files.readString(kc);
        assertThat(text).contains("current-context: fleet-prod").contains("- --sandbox\n      - kube-token\n      - --server-id\n"
                + "      - 6dae42f8-4368-4678-94ff-3960e28e3630").contains("interactiveMode: Never")
                .doesNotContain("devicecode").doesNotContain("token:");

        assertThat(aksh.run("fleet get-credentials --context hub-prod")).startsWith("Merged context hub-prod")
                .contains("made it current (was fleet-prod).");
        assertThat(aksh.run("fleet get-credentials --context hub-prod")).startsWith("Replaced context hub-prod")
                .doesNotContain("(was");
        assertThat(Files.readString(kc)).contains("name: fleet-prod").contains("name: hub-prod");

        String printed = aksh.run("fleet get-credentials --file -");
        assertThat(printed).startsWith("apiVersion: v1\nkind: Config\n").contains("kube-token");
        aksh.run("fleet get-credentials --file - --exec kubelogin");
        assertThat(aksh.console().stdout()).contains("- azurecli");
        assertThat(aksh.console().stderr()).startsWith("warning: kubelogin is not installed here");
        assertThat(error("fleet get-credentials --exec devicecode")).isEqualTo("64 --exec is kubelogin or aksh, not "
                + "'devicecode'; leave it out for the default");
    }

    @Test
    void hubFindsTheClusterInTheFlGroupAndTheRolesHeld() {
        String out = aksh.run("fleet hub");
        assertThat(out).contains("Hub cluster:      /subscriptions/6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04/resourceGroups/"
                + "FL_rg-fleet_fleet-prod_westeurope/providers/Microsoft.ContainerService/managedClusters/hub")
                .contains("Access:           private")
                .contains("Your Fleet roles: Azure Kubernetes Fleet Manager RBAC Cluster Admin")
                .contains("Next:             connect bastion --fleet fleet-prod, then invoke --fleet-hub "
                        + "\"kubectl get memberclusters\"");
        assertThat(aksh.run("fleet hub --fleet " + SCALE)).contains("Your Fleet roles: Azure Kubernetes Fleet Manager RBAC Reader")
                .contains("Next:             fleet get-credentials, then kubectl get memberclusters");
    }

    @Test
    void invokeRunsOnEveryMemberGroupsOutputAndFailsIfOneFailed() throws Exception {
        String out = aksh.run("fleet invoke 'kubectl get ns' --all --parallel 3");
        assertThat(aksh.last().status()).isEqualTo(68);
        assertThat(out).containsPattern("── payments \\(rg-payments/aks-payments\\) · exit 0 · run-command · [0-9.]+m?s ─+\n"
                + "NAME +STATUS +AGE\n")
                .contains("── ledger (rg-ledger/aks-ledger) · did not run · run-command")
                .contains("run command is disabled on aks-ledger")
                .contains("4 members: 3 succeeded, 1 failed (ledger)\n")
                .containsPattern("MEMBER +CLUSTER +ROUTE +RESULT +TIME\nbatch +rg-batch/aks-batch +run-command +exit 0 ");
        assertThat(aksh.console().stderr()).contains("running on 4 members of fleet-prod, 3 at a time");

        JsonNode json = new ObjectMapper().readTree(aksh.run("fleet invoke 'kubectl get ns' --group prod -o json"));
        assertThat(json.findValuesAsText("member")).containsExactly("batch", "ledger", "payments");
        assertThat(json.get(1).path("status").asText()).isEqualTo("error");
        assertThat(json.get(2).path("exitCode").asInt()).isZero();
        assertThat(json.get(2).path("output").asText()).contains("payments");
        assertThat(aksh.last().status()).isEqualTo(68);

        aksh.run("fleet invoke 'kubectl get ns' --members web,payments");
        assertThat(aksh.last().status()).isZero();
        assertThat(aksh.console().stdout()).contains("2 members: 2 succeeded\n");
        assertThat(error("fleet invoke 'kubectl get ns' --members web,paymnts")).isEqualTo("65 no member 'paymnts' in "
                + "fleet-prod; nothing was run; did you mean 'payments'?");
    }

    @Test
    void armThrottlingIsWaitedOutAsRetryAfterSays() {
        AtomicInteger throttled = new AtomicInteger();
        aksh.aksh().sandbox().arm().addInterceptor(r -> r.method().equals("POST") && r.path().endsWith("/runCommand")
                && throttled.incrementAndGet() <= 3
                ? ArmResponse.error(new dev.aksh.sandbox.ArmError(429, "TooManyRequests", "throttled"))
                        .header("Retry-After", "1")
                : null);
        long t0 = System.nanoTime();
        aksh.run("fleet invoke 'kubectl get ns' --members web,payments,batch --parallel 3");
        assertThat(aksh.last().status()).isZero();
        assertThat(aksh.console().stdout()).contains("3 members: 3 succeeded\n");
        assertThat(throttled.get()).as("three 429s, then each submission again").isEqualTo(6);
        assertThat((System.nanoTime() - t0) / 1e9).as("waited the Retry-After second").isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void ctrlCCancelsTheMembersThatHaveNotStarted() throws Exception {
        AtomicReference<Shell.Outcome> outcome = new AtomicReference<>();
        Thread command = new Thread(() -> outcome.set(aksh.aksh().shell().executeLine(
                "fleet invoke 'kubectl get nodes' --all --parallel 2 --fleet " + SCALE)));
        aksh.console().clear();
        command.start();
        Thread.sleep(1500);
        command.interrupt();
        command.join(10_000);
        assertThat(command.isAlive()).isFalse();
        assertThat(outcome.get().status()).isEqualTo(130);
        String out = aksh.console().stdout();
        assertThat(out).containsPattern("50 members: \\d+ succeeded(, \\d+ stopped)?, 4\\d not started\n");
        assertThat(aksh.console().stderr()).containsPattern("warning: Ctrl-C: 4\\d members will not start; stopping \\d running");
    }

    @Test
    void kubeTokenPrintsAnExecCredentialButNeverToATerminal() throws Exception {
        HeadlessConsole terminal = new HeadlessConsole().terminalOutput(true);
        try (InProcessAksh t = InProcessAksh.sandbox(terminal)) {
            t.run("kube-token --server-id 6dae42f8-4368-4678-94ff-3960e28e3630");
            assertThat(t.last().status()).isEqualTo(67);
            assertThat(t.last().error().oneLine()).startsWith("kube-token prints a token, and will not print it to a terminal");
            assertThat(terminal.stdout()).isEmpty();
        }
        JsonNode c = new ObjectMapper().readTree(aksh.run("kube-token --server-id 6dae42f8-4368-4678-94ff-3960e28e3630"));
        assertThat(c.path("kind").asText()).isEqualTo("ExecCredential");
        assertThat(c.path("status").path("token").asText()).startsWith("eyJ");
        assertThat(c.path("status").path("expirationTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(error("kube-token --server-id nope")).startsWith("64 'nope' is not an AAD application id");
    }
}
