package dev.aksh.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.sandbox.World;
import dev.aksh.sandbox.WorldLoader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The run-command pod against a fake cluster: what kubectl, helm and the shell print, and their exit statuses. */
class PodShellTest {
    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27, ports: [{containerPort: 80}]}]
            """;
    static final String CONFIGMAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-config}
            data: {MODE: blue}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: 80}]
            """;

    KubeCluster cluster;
    Map<String, byte[]> files;

    @BeforeEach
    void seed() {
        World w = WorldLoader.parse("""
                subscriptions:
                  - id: 11111111-1111-4111-8111-111111111111
                    name: S
                    resourceGroups:
                      - name: rg
                        clusters:
                          - name: aks-x
                            nodes: 2
                            kubernetes:
                              namespaces: [payments]
                              deployments: [{name: payments-api, namespace: payments, image: contoso/payments:1.8.2, replicas: 3}]
                              services: [{name: payments-api, namespace: payments, port: 80, targetPort: 8080}]
                              releases: [{name: ingress-nginx, namespace: ingress-nginx, chart: ingress-nginx-4.11.3, appVersion: 1.11.3}]
                """, "test");
        cluster = KubeSeed.seed(new KubeCluster("aks-x", "1.32.4", "aks-x-dns-1.hcp.westeurope.azmk8s.io", Clock.systemUTC()),
                w.subscriptions().get(0).resourceGroups().get(0).clusters().get(0), "system");
        files = new HashMap<>();
        files.put("deployment.yaml", DEPLOYMENT.getBytes(StandardCharsets.UTF_8));
        files.put("manifests/extra.yaml", CONFIGMAP.getBytes(StandardCharsets.UTF_8));
    }

    PodShell.Result run(String command) {
        return new PodShell(cluster, files, true).run(command);
    }

    @Test
    void getPrintsKubectlsColumnsAlignedWithThreeSpaces() {
        PodShell.Result r = run("kubectl get pods -n payments");
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.logs().lines().toList();
        assertThat(lines.get(0)).isEqualTo("NAME                            READY   STATUS    RESTARTS   AGE");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).matches("payments-api-[a-z0-9]{10}-[a-z0-9]{5}   1/1     Running   0          3d");
        assertThat(run("kubectl get deploy -A").logs().lines().findFirst().orElseThrow())
                .isEqualTo("NAMESPACE     NAME                 READY   UP-TO-DATE   AVAILABLE   AGE");
        assertThat(run("kubectl get nodes").logs()).startsWith("NAME                             STATUS   ROLES    AGE   VERSION\n")
                .contains("Ready    <none>   45d   v1.32.4");
        assertThat(run("kubectl get svc -n payments -o wide").logs().lines().findFirst().orElseThrow())
                .isEqualTo("NAME           TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE   SELECTOR");
        assertThat(run("kubectl get ns").logs()).contains("payments          Active   30d");
    }

    @Test
    void emptyResultsAndMissingObjectsSayWhatKubectlSays() {
        PodShell.Result empty = run("kubectl get pods");
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.logs()).isEqualTo("No resources found in default namespace.\n");
        PodShell.Result missing = run("kubectl get pod nope -n payments");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.logs()).isEqualTo("Error from server (NotFound): pods \"nope\" not found\n");
        assertThat(run("kubectl get deploy nope").logs()).isEqualTo("Error from server (NotFound): deployments.apps \"nope\" not found\n");
        PodShell.Result kind = run("kubectl get frobs");
        assertThat(kind.logs()).isEqualTo("error: the server doesn't have a resource type \"frobs\"\n");
        assertThat(kind.exitCode()).isEqualTo(1);
        assertThat(run("kubectl frob").logs()).startsWith("error: unknown command \"frob\" for \"kubectl\"");
        assertThat(run("kubectl get pods --frob").logs()).startsWith("error: unknown flag: --frob");
    }

    @Test
    void applyCreatesThenConfiguresThenLeavesUnchangedAndGetShowsIt() {
        assertThat(run("kubectl apply -f deployment.yaml").logs()).isEqualTo("deployment.apps/web created\n");
        assertThat(run("kubectl apply -f deployment.yaml").logs()).isEqualTo("deployment.apps/web unchanged\n");
        files.put("deployment.yaml", DEPLOYMENT.replace("replicas: 2", "replicas: 4").getBytes(StandardCharsets.UTF_8));
        assertThat(run("kubectl apply -f deployment.yaml").logs()).isEqualTo("deployment.apps/web configured\n");
        assertThat(run("kubectl get deploy web").logs()).contains("web    4/4     4            4           ");
        assertThat(run("kubectl get pods -l app=web -o name").logs().lines()).hasSize(4).allMatch(l -> l.startsWith("pod/web-"));
        assertThat(run("kubectl apply -f manifests").logs()).isEqualTo("configmap/web-config created\nservice/web created\n");
        assertThat(run("kubectl apply -f deployment.yaml -n nowhere").logs()).isEqualTo(
                "Error from server (NotFound): error when creating \"deployment.yaml\": namespaces \"nowhere\" not found\n");
        assertThat(run("kubectl apply -f missing.yaml").logs()).isEqualTo("error: the path \"missing.yaml\" does not exist\n");
        assertThat(run("kubectl apply -f deployment.yaml configmap.yaml -n default").logs())
                .startsWith("error: Unexpected args: [configmap.yaml]");
    }

    @Test
    void scaleDeleteAndRolloutFollowTheDeployment() {
        run("kubectl apply -f deployment.yaml");
        assertThat(run("kubectl scale deployment web --replicas=1").logs()).isEqualTo("deployment.apps/web scaled\n");
        assertThat(run("kubectl get pods -l app=web -o name").logs().lines()).hasSize(1);
        assertThat(run("kubectl rollout status deployment/web").logs()).isEqualTo("deployment \"web\" successfully rolled out\n");
        String before = run("kubectl get rs -o name").logs();
        assertThat(run("kubectl rollout restart deploy/web").logs()).isEqualTo("deployment.apps/web restarted\n");
        assertThat(run("kubectl get rs -o name").logs()).isNotEqualTo(before);
        String pod = run("kubectl get pods -l app=web -o name").logs().strip().substring(4);
        assertThat(run("kubectl delete pod " + pod).logs()).isEqualTo("pod \"" + pod + "\" deleted\n");
        assertThat(run("kubectl get pods -l app=web -o name").logs().lines()).hasSize(1).noneMatch(l -> l.endsWith(pod));
        assertThat(run("kubectl delete deployment web").logs()).isEqualTo("deployment.apps \"web\" deleted\n");
        assertThat(run("kubectl get pods -l app=web").logs()).isEqualTo("No resources found in default namespace.\n");
        assertThat(run("kubectl create namespace lab").logs()).isEqualTo("namespace/lab created\n");
        PodShell.Result again = run("kubectl create ns lab");
        assertThat(again.logs()).isEqualTo("Error from server (AlreadyExists): namespaces \"lab\" already exists\n");
        assertThat(again.exitCode()).isEqualTo(1);
    }

    @Test
    void outputFormatsJsonYamlNameAndJsonpath() {
        assertThat(run("kubectl get ns payments -o json").logs()).startsWith("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Namespace\",");
        assertThat(run("kubectl get ns payments -o yaml").logs()).startsWith("apiVersion: v1\nkind: Namespace\nmetadata:\n");
        assertThat(run("kubectl get pods -n payments -o yaml").logs()).startsWith("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n");
        assertThat(run("kubectl get deploy -n payments -o name").logs()).isEqualTo("deployment.apps/payments-api\n");
        assertThat(run("kubectl get deploy -n payments -o jsonpath={.items[*].metadata.name}").logs()).isEqualTo("payments-api");
        assertThat(run("kubectl get pods -o xml").logs()).startsWith("error: unable to match a printer suitable for the output format \"xml\"");
    }

    @Test
    void describeLogsVersionAndClusterInfo() {
        String pod = run("kubectl get pods -n payments -o name").logs().lines().findFirst().orElseThrow().substring(4);
        String d = run("kubectl describe pod " + pod + " -n payments").logs();
        assertThat(d).startsWith("Name:             " + pod + "\nNamespace:        payments\n")
                .contains("Controlled By:    ReplicaSet/payments-api-").contains("Image:          contoso/payments:1.8.2");
        assertThat(run("kubectl describe deploy payments-api -n payments").logs()).contains("Replicas:         3 desired | 3 updated");
        assertThat(run("kubectl logs deployment/payments-api -n payments --tail 3").logs().lines()).hasSize(3);
        assertThat(run("kubectl version").logs()).isEqualTo("Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n");
        assertThat(run("kubectl cluster-info").logs()).startsWith(
                "Kubernetes control plane is running at https://aks-x-dns-1.hcp.westeurope.azmk8s.io:443\n");
    }

    @Test
    void helmInstallsAfterRepoAddInTheSameCommandAndListsAndUninstalls() {
        PodShell.Result noRepo = run("helm install my-release bitnami/nginx");
        assertThat(noRepo.logs()).isEqualTo("Error: INSTALLATION FAILED: repo bitnami not found\n");
        assertThat(noRepo.exitCode()).isEqualTo(1);
        PodShell.Result seed = run("helm repo add bitnami https://charts.bitnami.com/bitnami && helm repo update "
                + "&& helm install my-release bitnami/nginx");
        assertThat(seed.exitCode()).isZero();
        assertThat(seed.logs()).startsWith("\"bitnami\" has been added to your repositories\n"
                + "Hang tight while we grab the latest from your chart repositories...\n")
                .contains("NAME: my-release\n").contains("STATUS: deployed\nREVISION: 1\n");
        assertThat(run("kubectl get deploy my-release-nginx -o name").logs()).isEqualTo("deployment.apps/my-release-nginx\n");
        assertThat(run("helm list -A").logs()).startsWith("NAME         \tNAMESPACE    \tREVISION\tUPDATED")
                .contains("my-release").contains("ingress-nginx");
        assertThat(run("helm uninstall my-release").logs()).isEqualTo("release \"my-release\" uninstalled\n");
        assertThat(run("kubectl get deploy my-release-nginx").exitCode()).isEqualTo(1);
        assertThat(run("helm uninstall my-release").logs()).isEqualTo(
                "Error: uninstall: Release not loaded: my-release: release: not found\n");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "kubectl get pods -n kube-system | grep coredns | wc -l => 3",
        "kubectl get pods -n kube-system | grep -c coredns => 3",
        "kubectl get pods -A | head -n 2 | wc -l => 2",
        "kubectl get ns -o name | grep -v kube | wc -l => 3",
        "echo a && echo b => a\\nb",
        "false || echo fallback => fallback",
        "false && echo never; echo after => after",
        "echo 'single quoted | not a pipe' => single quoted | not a pipe",
        "cat deployment.yaml | grep -E 'replicas: [0-9]+' => replicas: 2",
        "ls manifests => extra.yaml",
        "kubectl get pods 2>/dev/null; echo status => status",
    })
    void theShellRunsPipesAndListsLikeBash(String command, String expected) {
        PodShell.Result r = run(command);
        assertThat(r.logs().strip()).isEqualTo(expected.replace("\\n", "\n"));
    }

    @Test
    void exitStatusesAndUnsupportedCommandsFailAsBashWould() {
        assertThat(run("exit 3").exitCode()).isEqualTo(3);
        assertThat(run("echo before; exit 4; echo after").logs()).isEqualTo("before\n");
        PodShell.Result jq = run("kubectl get pods -o json | jq '.items[].metadata.name'");
        assertThat(jq.exitCode()).isEqualTo(127);
        assertThat(jq.logs()).isEqualTo("bash: line 1: jq: command not found\n");
        assertThat(run("grep nothing-matches deployment.yaml").exitCode()).isEqualTo(1);
        assertThat(run("echo 'unterminated").logs()).startsWith("bash: -c: line 1: unexpected EOF");
    }

    @Test
    void sleepMakesThePodTakeTime() {
        assertThat(run("sleep 2; echo done").took()).isEqualTo(Duration.ofSeconds(2));
        assertThat(run("sleep 1.5 && sleep 0.5").took()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void withoutAClusterTokenAnAadClusterAnswers401() {
        PodShell.Result r = new PodShell(cluster, files, false).run("kubectl get pods");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.logs()).isEqualTo("error: You must be logged in to the server (Unauthorized)\n");
        assertThat(new PodShell(cluster, files, false).run("helm list").logs()).startsWith("Error: Kubernetes cluster unreachable");
    }

    @Test
    void humanDurationsMatchKubectl() {
        assertThat(HumanDuration.of(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(HumanDuration.of(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(HumanDuration.of(Duration.ofSeconds(150))).isEqualTo("2m30s");
        assertThat(HumanDuration.of(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(HumanDuration.of(Duration.ofMinutes(200))).isEqualTo("3h20m");
        assertThat(HumanDuration.of(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(HumanDuration.of(Duration.ofHours(75))).isEqualTo("3d3h");
        assertThat(HumanDuration.of(Duration.ofDays(45))).isEqualTo("45d");
        assertThat(HumanDuration.of(Duration.ofDays(800))).isEqualTo("2y70d");
    }
}
