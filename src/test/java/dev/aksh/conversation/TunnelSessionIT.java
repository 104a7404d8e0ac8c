package dev.aksh.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** connect bastion and the tunnel route, through the built aksh, with the installed kubectl where there is one. */
class TunnelSessionIT {
    AkshProcess aksh;

    @BeforeEach
    void start() throws Exception {
        aksh = new AkshProcess();
    }

    @AfterEach
    void stop() throws Exception {
        aksh.close();
    }

    @Test
    void theInstalledKubectlListsTheFakeClustersPodsThroughTheTunnel() throws Exception {
        assumeTrue(AkshProcess.kubectlInstalled(), "kubectl is not installed here");
        AkshProcess.Run r = aksh.run("""
                cluster use aks-payments
                connect bastion
                tunnel list -o json
                invoke "kubectl get pods -n payments"
                invoke "kubectl version -o json | grep gitVersion | tail -1"
                context -o json
                tunnel close 1
                context -o json
                """, "--sandbox");
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.err()).contains("using Bastion bas-hub (Standard) in vnet-hub (subscription Contoso Platform), "
                + "peered with vnet-payments\n");
        assertThat(r.out()).containsPattern("Tunnel: +1: aks-payments on 127\\.0\\.0\\.1:\\d+")
                .contains("TLS verified through the tunnel");
        assertThat(r.out()).containsPattern("NAME +READY +STATUS +RESTARTS +AGE\npayments-api-\\S+ +1/1 +Running +0 +6d")
                .contains("payments-worker-");
        assertThat(r.out()).contains("\"gitVersion\": \"v1.32.4\"");
        List<JsonNode> docs = jsonDocuments(r.out());
        JsonNode listed = docs.get(0).get(0);
        assertThat(listed.get("cluster").asText()).isEqualTo("aks-payments");
        JsonNode during = docs.get(1);
        assertThat(during.get("route").asText()).isEqualTo("tunnel");
        assertThat(during.get("tunnels").get(0).get("port").asInt()).isEqualTo(listed.get("port").asInt());
        assertThat(r.out()).contains("closed tunnel 1 to aks-payments");
        assertThat(docs.get(2).get("route").asText()).isEqualTo("run-command");
        assertThat(aksh.tunnelLeftovers()).isEmpty();
    }

    @Test
    void theAdminClientCertificateOpensTheApiServerToTheInstalledKubectl() throws Exception {
        assumeTrue(AkshProcess.kubectlInstalled(), "kubectl is not installed here");
        AkshProcess.Run r = aksh.run("""
                cluster use aks-payments
                connect bastion --admin
                invoke "kubectl config view -o jsonpath={.users[0].user}"
                invoke "kubectl get ns payments"
                """, "--sandbox");
        assertThat(r.exit()).as(r.both()).isZero();
        // the kubeconfig holds the certificate and nothing else, so it is what the API server took
        assertThat(r.out()).contains("\"client-certificate-data\":").doesNotContain("\"token\"").doesNotContain("\"exec\"")
                .containsPattern("payments +Active");
        assertThat(aksh.tunnelLeftovers()).isEmpty();
    }

    @Test
    void exitClosesEveryTunnelAndDeletesEveryKubeconfig() throws Exception {
        AkshProcess.Run r = aksh.run("""
                connect bastion --cluster aks-payments -o json
                connect bastion --cluster aks-ledger --bastion bas-ledger -o json
                tunnel list
                """, "--sandbox");
        assertThat(r.exit()).as(r.both()).isZero();
        List<JsonNode> docs = jsonDocuments(r.out());
        assertThat(docs).hasSize(2);
        for (JsonNode d : docs) {
            assertThat(Path.of(d.get("kubeconfig").asText())).as("deleted at exit").doesNotExist();
            assertThat(d.get("address").asText()).isEqualTo("127.0.0.1");
        }
        assertThat(r.out()).contains("aks-payments").contains("aks-ledger");
        assertThat(aksh.tunnelLeftovers()).isEmpty();
    }

    @Test
    void aForegroundTunnelServesPlainKubectlFromElsewhereAndSigtermUndoesTheMerge() throws Exception {
        assumeTrue(AkshProcess.kubectlInstalled(), "kubectl is not installed here");
        Path kubeconfig = aksh.home.resolve(".kube/config");
        Files.createDirectories(kubeconfig.getParent());
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: dev, cluster: {server: "https://dev.example:443"}}]
                contexts: [{name: dev, context: {cluster: dev, user: dev}}]
                users: [{name: dev, user: {token: dev-token}}]
                current-context: dev
                """);
        List<String> cmd = new ArrayList<>(AkshProcess.java());
        cmd.addAll(List.of("--sandbox", "-c", "connect bastion --cluster aks-payments --kubeconfig ~/.kube/config --foreground"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(aksh.cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(aksh.env);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AkshProcess.pump(p.getInputStream(), out);
        AkshProcess.pump(p.getErrorStream(), err);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!err.toString(StandardCharsets.UTF_8).contains("Ctrl-C closes it") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("Ctrl-C closes it");
            assertThat(Files.readString(kubeconfig)).contains("current-context: aksh-aks-payments");

            ProcessBuilder kubectl = new ProcessBuilder("kubectl", "get", "deploy", "-n", "payments")
                    .redirectErrorStream(true);
            kubectl.environment().put("KUBECONFIG", kubeconfig.toString());
            kubectl.environment().put("KUBECACHEDIR", aksh.home.resolve("kcache").toString());
            Process k = kubectl.start();
            String listed = new String(k.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(k.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(k.exitValue()).as(listed).isZero();
            assertThat(listed).containsPattern("payments-api +3/3 +3 +3");
        } finally {
            p.destroy(); // SIGTERM, as closing the terminal or 'kill' would send
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String after = Files.readString(kubeconfig);
        assertThat(after).contains("current-context: dev").doesNotContain("aksh-aks-payments");
        assertThat(aksh.tunnelLeftovers()).isEmpty();
    }

    @Test
    void whatBastionCannotDoExitsWithItsOwnCodeAndLine() throws Exception {
        record Case(String command, int exit, String says) {
        }
        for (Case c : List.of(
                new Case("connect bastion --cluster aks-batch", 67,
                        "error: aks-batch is a private cluster with its public FQDN disabled, which Bastion tunnels to AKS do "
                                + "not support; enable it with 'az aks update -g rg-batch -n aks-batch --enable-public-fqdn', "
                                + "or reach it with 'invoke' (AKS command invoke) instead\n"),
                new Case("connect bastion --cluster aks-auto", 67,
                        "error: aks-auto is an AKS Automatic cluster, which Bastion tunnels to AKS do not support; reach it "
                                + "with 'invoke' (AKS command invoke) instead\n"),
                new Case("connect bastion --cluster aks-ledger", 64,
                        "error: 2 Bastions can reach aks-ledger: bas-ledger (Premium) in the cluster's virtual network "
                                + "vnet-ledger; bas-hub (Standard) in vnet-hub (subscription Contoso Platform), peered with "
                                + "vnet-ledger; choose one with --bastion NAME\n"),
                new Case("connect bastion --cluster aks-payments --port 99999", 64,
                        "error: --port must be a whole number from 1 to 65535, not '99999'; see 'help connect bastion'\n"))) {
            AkshProcess.Run r = aksh.run(null, "--sandbox", "-c", c.command());
            assertThat(r.exit()).as(r.both()).isEqualTo(c.exit());
            assertThat(r.err()).as(c.command()).isEqualTo(c.says());
            assertThat(r.out()).isEmpty();
        }
        AkshProcess.Run web = aksh.run(null, "--sandbox", "-c", "connect bastion --cluster aks-web");
        assertThat(web.exit()).isEqualTo(67);
        assertThat(web.err()).endsWith("error: aks-web's authorized IP ranges do not include Bastion bas-web's public IP "
                + "20.73.152.9; rerun with --yes to let aksh add 20.73.152.9/32, or add it yourself\n");
        assertThat(aksh.tunnelLeftovers()).isEmpty();
    }

    @Test
    void withoutKubectlTheTunnelRouteSaysHowToGetItAndYesFallsBackToRunCommand() throws Exception {
        Path bin = Files.createDirectories(aksh.home.resolve("bin-without-kubectl"));
        for (String dir : System.getenv("PATH").split(":")) {
            if (!Files.isDirectory(Path.of(dir))) {
                continue;
            }
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    String n = f.getFileName().toString();
                    if (!n.equals("kubectl") && !n.equals("helm") && !Files.exists(bin.resolve(n))) {
                        Files.createSymbolicLink(bin.resolve(n), f);
                    }
                }
            }
        }
        aksh.env.put("PATH", bin.toString());
        String script = """
                cluster use aks-payments
                connect bastion
                invoke "kubectl get deploy -n payments"
                """;
        AkshProcess.Run refused = aksh.run(script, "--sandbox");
        assertThat(refused.exit()).as(refused.both()).isEqualTo(65);
        assertThat(refused.err()).contains("warning: kubectl is not installed here, so the tunnel route cannot run kubectl "
                + "commands: install kubectl ('az aks install-cli', or https://kubernetes.io/docs/tasks/tools/); until "
                + "then, 'invoke --via run-command' works\n");
        assertThat(refused.err()).endsWith("error: line 3: kubectl is not installed here, so the tunnel route cannot run this "
                + "command; install kubectl ('az aks install-cli', or https://kubernetes.io/docs/tasks/tools/), or add --via "
                + "run-command\n");
        AkshProcess.Run fallback = aksh.run(script, "--sandbox", "--yes");
        assertThat(fallback.exit()).as(fallback.both()).isZero();
        assertThat(fallback.err()).contains("running through AKS command invoke instead\n");
        assertThat(fallback.out()).containsPattern("payments-api +3/3");
    }

    /** The JSON documents (objects or arrays at line starts) in a stream of output. */
    static List<JsonNode> jsonDocuments(String out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> docs = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^[\\[{]").matcher(out);
        int from = 0;
        while (m.find(from)) {
            var parser = json.getFactory().createParser(out.substring(m.start()));
            JsonNode n = json.readTree(parser);
            docs.add(n);
            from = m.start() + (int) parser.getCurrentLocation().getCharOffset();
        }
        return docs;
    }
}
