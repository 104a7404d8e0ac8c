package dev.aksh.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** invoke in scripts: remote exit statuses, attachments, refusals and notices, through the built aksh. */
class InvokeSessionIT {
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
    void theRemoteExitStatusIsTheScriptsStatusAndStopsIt() throws Exception {
        AkshProcess.Run r = aksh.run("""
                cluster use aks-payments
                invoke "kubectl get deploy -n payments"
                invoke "kubectl get pods -n payments | grep worker | wc -l"
                invoke "exit 3"
                invoke "echo never printed"
                """, "--sandbox");
        assertThat(r.exit()).as(r.both()).isEqualTo(3);
        assertThat(r.out()).contains("NAME              READY   UP-TO-DATE   AVAILABLE   AGE\npayments-api      3/3")
                .contains("\n2\n").doesNotContain("never printed");
        assertThat(r.err()).isEqualTo("line 4: the command ended with exit status 3; the script stops here "
                + "(--continue-on-error goes on)\n");
        AkshProcess.Run oneShot = aksh.run(null, "--sandbox", "invoke", "kubectl get pod nope", "--cluster", "aks-payments");
        assertThat(oneShot.exit()).isEqualTo(1);
        assertThat(oneShot.out()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
        assertThat(oneShot.err()).isEmpty();
    }

    @Test
    void anAttachedManifestIsAppliedAndAFollowingGetShowsIt() throws Exception {
        Files.writeString(aksh.cwd.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: nginx}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: nginx}}
                  template:
                    metadata: {labels: {app: nginx}}
                    spec: {containers: [{name: nginx, image: nginx:1.27}]}
                """);
        AkshProcess.Run r = aksh.run("""
                cluster use aks-web
                invoke "kubectl apply -f deployment.yaml -n default" --file deployment.yaml
                invoke "kubectl get deploy nginx -o json" -o json
                invoke "kubectl get pods -l app=nginx -o name | wc -l"
                """, "--sandbox");
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.out()).contains("deployment.apps/nginx created\n").endsWith("2\n");
        String json = r.out().substring(r.out().indexOf("{\n  \"cluster\""), r.out().lastIndexOf("}") + 1);
        JsonNode result = new ObjectMapper().readTree(json);
        assertThat(result.get("cluster").asText()).isEqualTo("aks-web");
        assertThat(result.get("exitCode").asInt()).isZero();
        assertThat(result.get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(new ObjectMapper().readTree(result.get("logs").asText()).at("/spec/replicas").asInt()).isEqualTo(2);
    }

    @Test
    void aClusterWithRunCommandDisabledIsRefusedLocallyWithTheFixes() throws Exception {
        AkshProcess.Run r = aksh.run(null, "--sandbox", "-c", "cluster use aks-ledger; invoke 'kubectl get pods'");
        assertThat(r.exit()).isEqualTo(67);
        assertThat(r.err()).isEqualTo("error: command 2: run command is disabled on aks-ledger "
                + "(apiServerAccessProfile.disableRunCommand is true); enable it with 'az aks update -g rg-ledger -n aks-ledger "
                + "--enable-run-command', or reach the cluster through Bastion: 'connect bastion'\n");
        AkshProcess.Run stopped = aksh.run(null, "--sandbox", "invoke", "kubectl get pods", "--cluster", "aks-dev");
        assertThat(stopped.exit()).isEqualTo(67);
        assertThat(stopped.err()).startsWith("error: aks-dev is stopped");
    }

    @Test
    void outputCutAt512KilobytesComesWithANotice() throws Exception {
        Files.writeString(aksh.cwd.resolve("big.txt"), "a long line of output, again and again\n".repeat(20_000));
        AkshProcess.Run r = aksh.run(null, "--sandbox", "invoke", "cat big.txt", "--file", "big.txt", "--cluster", "aks-web");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).hasSize(512 * 1024);
        assertThat(r.err()).isEqualTo("warning: AKS cut this output at 512 kB; for the whole output use the tunnel route "
                + "('connect bastion') and your own kubectl, or narrow the command\n");
    }

    @Test
    void aPodThatNeverSchedulesReportsTheReasonWithTheRemoteFailureStatus() throws Exception {
        java.nio.file.Path world = aksh.cwd.resolve("full.yaml");
        Files.writeString(world, """
                defaultSubscription: Full
                subscriptions:
                  - id: 55555555-5555-4555-8555-555555555555
                    name: Full
                    resourceGroups:
                      - name: rg-full
                        clusters:
                          - {name: aks-full, commandPod: {fault: unschedulable, schedulingTimeoutSeconds: 1}}
                """);
        AkshProcess.Run r = aksh.run(null, "--sandbox-world", world.toString(), "invoke", "kubectl get pods", "--cluster",
                "aks-full");
        assertThat(r.exit()).isEqualTo(68);
        assertThat(r.err()).startsWith("error: the command did not run on aks-full: the command pod could not be scheduled "
                + "within 1s: 0/3 nodes are available: 3 Insufficient cpu.;");
    }
}
