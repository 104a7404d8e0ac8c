package dev.aksh.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import dev.aksh.invoke.InvokeService;
import dev.aksh.invoke.RunCommandApi;
import dev.aksh.invoke.Waiting;
import dev.aksh.render.Progress;
import dev.aksh.session.ClusterRef;
import dev.aksh.testing.SandboxFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command invoke through the real SDK against FakeAzure. */
class RunCommandServiceTest {
    static final String SUB = "77777777-7777-4777-8777-777777777777";
    static SandboxFixture sandbox;
    static RunCommandClient client;
    static ClusterService clusters;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.world("""
                subscriptions:
                  - id: 77777777-7777-4777-8777-777777777777
                    name: Runs
                    resourceGroups:
                      - name: rg
                        clusters:
                          - {name: aks-fast, aad: false, commandPod: {latencyMs: 100}}
                          - {name: aks-aad, aad: true, commandPod: {latencyMs: 100}}
                          - {name: aks-lower, aad: false, commandPod: {latencyMs: 100, stateSpelling: succeeded}}
                          - {name: aks-full, aad: false, nodes: 3, commandPod: {latencyMs: 100, fault: unschedulable, schedulingTimeoutSeconds: 1}}
                          - {name: aks-hint, aad: false, commandPod: {latencyMs: 1500, retryAfterSeconds: 1}}
                          - {name: aks-off, aad: false, runCommand: false}
                """);
        client = new RunCommandClient(sandbox.clients());
        clusters = new ClusterService(sandbox.clients());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static ClusterRef ref(String name) {
        return new ClusterRef(SUB, "rg", name);
    }

    InvokeService service() {
        return new InvokeService(RunCommandApi.of(client), Waiting.SYSTEM, dir);
    }

    InvokeService.Finished run(String cluster, String command, List<String> files) {
        return (InvokeService.Finished) service().invoke(clusters.get(ref(cluster)),
                new InvokeService.Request(command, files, Duration.ofMinutes(1), false), Progress.NONE, w -> { });
    }

    @Test
    void submitAnswers202WithALocationAndTheResultFollows() throws Exception {
        RunCommandClient.Submitted s = client.submit(ref("aks-fast"), "kubectl get ns -o name", null, null);
        assertThat(s.commandId()).matches("[0-9a-f]{32}");
        assertThat(s.result()).isNull();
        assertThat(client.poll(ref("aks-fast"), s.commandId()).done()).isFalse();
        Thread.sleep(300);
        RunCommandClient.Polled p = client.poll(ref("aks-fast"), s.commandId());
        assertThat(p.done()).isTrue();
        assertThat(p.result().succeeded()).isTrue();
        assertThat(p.result().provisioningState()).isEqualTo("Succeeded");
        assertThat(p.result().exitCode()).isZero();
        assertThat(p.result().logs()).contains("namespace/default\n").contains("namespace/kube-system\n");
        assertThat(p.result().startedAt()).isNotNull();
        assertThat(p.result().finishedAt()).isAfterOrEqualTo(p.result().startedAt());
    }

    @Test
    void theRemoteExitStatusComesBackAndBothSpellingsOfSucceededParse() {
        InvokeService.Finished f = run("aks-fast", "kubectl get pod nope", List.of());
        assertThat(f.result().exitCode()).isEqualTo(1);
        assertThat(f.result().logs()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
        InvokeService.Finished lower = run("aks-lower", "echo hi", List.of());
        assertThat(lower.result().provisioningState()).isEqualTo("succeeded");
        assertThat(lower.result().succeeded()).isTrue();
    }

    @Test
    void attachedFilesLandInTheWorkingDirectorySoApplyThenGetSeesTheChange() throws Exception {
        Files.writeString(dir.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: hello}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: hello}}
                  template:
                    metadata: {labels: {app: hello}}
                    spec: {containers: [{name: hello, image: nginx:1.27}]}
                """);
        assertThat(run("aks-fast", "kubectl apply -f deployment.yaml", List.of("deployment.yaml")).result().logs())
                .isEqualTo("deployment.apps/hello created\n");
        assertThat(run("aks-fast", "kubectl get deploy hello", List.of()).result().logs()).contains("hello   2/2     2            2");
    }

    @Test
    void aPodThatCannotBeScheduledFailsWithAReasonAfterTheLimit() {
        InvokeService.Finished f = run("aks-full", "kubectl get pods", List.of());
        assertThat(f.result().failed()).isTrue();
        assertThat(f.result().exitCode()).isNull();
        assertThat(f.result().reason()).isEqualTo(
                "the command pod could not be scheduled within 1s: 0/3 nodes are available: 3 Insufficient cpu.");
    }

    @Test
    void outputIsCutAt512KilobytesAndSaidToBe() throws Exception {
        Files.writeString(dir.resolve("big.txt"), "0123456789abcdef\n".repeat(40_000));
        InvokeService.Finished f = run("aks-fast", "cat big.txt", List.of("big.txt"));
        assertThat(f.result().logs().length()).isEqualTo(512 * 1024);
        assertThat(f.truncated()).isTrue();
        assertThat(run("aks-fast", "echo small", List.of()).truncated()).isFalse();
    }

    @Test
    void aadClustersAcceptTheClusterTokenAndWithoutItKubectlGets401() {
        assertThat(run("aks-aad", "kubectl get ns -o name", List.of()).result().logs()).contains("namespace/default");
        RunCommandClient.Submitted s = client.submit(ref("aks-aad"), "kubectl get ns", null, null);
        RunCommandClient.Polled p;
        do {
            p = client.poll(ref("aks-aad"), s.commandId());
        } while (!p.done());
        assertThat(p.result().logs()).isEqualTo("error: You must be logged in to the server (Unauthorized)\n");
        assertThat(p.result().exitCode()).isEqualTo(1);
    }

    @Test
    void theServiceRefusesWhatTheClientChecksLocallyAnyway() {
        assertThatThrownBy(() -> client.submit(ref("aks-off"), "kubectl get pods", null, null))
                .isInstanceOfSatisfying(ManagementException.class, e -> {
                    assertThat(e.getResponse().getStatusCode()).isEqualTo(400);
                    assertThat(e.getValue().getCode()).isEqualTo("OperationNotAllowed");
                });
    }

    @Test
    void aRetryAfterFromTheServiceIsHonoured() {
        List<String> polls = new ArrayList<>();
        sandbox.azure().arm().addInterceptor(r -> {
            if (r.path().contains("aks-hint/commandResults")) {
                polls.add(r.path());
            }
            return null;
        });
        InvokeService.Finished f = run("aks-hint", "echo hinted", List.of());
        assertThat(f.result().logs()).isEqualTo("hinted\n");
        assertThat(polls).hasSizeBetween(1, 2); // with Retry-After: 1, not every 250 ms
    }

    @Test
    void invokeResultAsksOnceAndSaysWhenItIsStillRunning() throws Exception {
        InvokeService.Outcome o = service().invoke(clusters.get(ref("aks-hint")),
                new InvokeService.Request("echo later", List.of(), Duration.ofMinutes(1), true), Progress.NONE, w -> { });
        String id = ((InvokeService.Submitted) o).commandId();
        assertThat(service().result(clusters.get(ref("aks-hint")), id)).isEqualTo(new InvokeService.Running(id));
        Thread.sleep(1700);
        assertThat(((InvokeService.Finished) service().result(clusters.get(ref("aks-hint")), id)).result().logs())
                .isEqualTo("later\n");
        assertThatThrownBy(() -> client.poll(ref("aks-hint"), "ffffffffffffffffffffffffffffffff"))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(404));
    }
}
