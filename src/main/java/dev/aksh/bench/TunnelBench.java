package dev.aksh.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.azure.AzureClients;
import dev.aksh.azure.AzureEndpoints;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.SandboxCredentials;
import dev.aksh.sandbox.World;
import dev.aksh.sandbox.WorldLoader;
import dev.aksh.sandbox.kube.KubeCluster;
import dev.aksh.tunnel.BastionEndpoint;
import dev.aksh.tunnel.BastionTunnel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;

/**
 * The tunnel benchmark: in one run, the same requests through the sandbox tunnel (local listener →
 * aksh's Bastion client → WebSocket over TLS → fake Bastion → API server) and straight to the fake
 * API server. The code under test is aksh's own tunnel, the same classes {@code connect bastion}
 * uses.
 */
final class TunnelBench {
    static final String SUB = "99999999-9999-4999-8999-999999999999";
    static final String CLUSTER = "/subscriptions/" + SUB + "/resourceGroups/rg-bench/providers/"
            + "Microsoft.ContainerService/managedClusters/aks-bench";
    static final String BASTION = "/subscriptions/" + SUB + "/resourceGroups/rg-bench/providers/"
            + "Microsoft.Network/bastionHosts/bas-bench";
    static final int BLOB_MB = 8;

    /** The results, for the report. */
    /** @param kubectlDirectMBps null when kubectl is not installed */
    record Results(Measurements directMBps, Measurements tunnelMBps, Measurements kubectlDirectMBps,
            Measurements kubectlTunnelMBps, Measurements warmSetupMs, Measurements directSetupMs,
            Measurements coldSetupMs, int concurrent, int concurrentErrors, Measurements concurrentMs, int sessionsLeft,
            long fromPool, long connections) {
    }

    private TunnelBench() {
    }

    static Results run(int runs) throws Exception {
        World world = WorldLoader.parse("""
                defaultSubscription: Bench
                subscriptions:
                  - id: %s
                    name: Bench
                    resourceGroups:
                      - name: rg-bench
                        virtualNetworks: [{name: vnet-bench, addressSpace: [10.9.0.0/16]}]
                        bastions: [{name: bas-bench, sku: Standard, vnet: vnet-bench, publicIp: 20.0.0.1}]
                        clusters:
                          - {name: aks-bench, private: true, publicFqdn: true, subnet: vnet-bench/nodes}
                """.formatted(SUB), "bench world");
        try (FakeAzure azure = FakeAzure.start(world)) {
            AzureClients clients = new AzureClients(() -> AzureEndpoints.at(azure.armUrl(), azure.clientTls()),
                    new SandboxCredentials(world), false);
            ObjectNode cluster = azure.state().resource(CLUSTER);
            String fqdn = cluster.at("/properties/fqdn").asText();
            KubeCluster kube = azure.kube().of(cluster);
            byte[] random = new byte[BLOB_MB * 1024 * 1024 * 3 / 4];
            new SecureRandom().nextBytes(random);
            ObjectNode cm = new ObjectMapper().createObjectNode();
            cm.put("apiVersion", "v1").put("kind", "ConfigMap");
            cm.putObject("metadata").put("name", "blob");
            cm.putObject("data").put("blob", Base64.getEncoder().encodeToString(random));
            kube.apply(cm, "default");
            int direct = azure.apiServers().of(cluster).port();
            String token = clients.token("6dae42f8-4368-4678-94ff-3960e28e3630/.default").getToken();
            SSLContext trust = azure.clientTls();
            String dns = azure.state().resource(BASTION).at("/properties/dnsName").asText();
            BastionEndpoint endpoint = new BastionEndpoint(clients.plainHttp(), dns, CLUSTER, 443,
                    () -> clients.token(clients.armScope()).getToken());

            Measurements directMBps = new Measurements();
            Measurements tunnelMBps = new Measurements();
            Measurements warm = new Measurements();
            Measurements directSetup = new Measurements();
            Measurements cold = new Measurements();
            Measurements concurrentMs = new Measurements();
            Measurements kubectlDirect = null;
            Measurements kubectlTunnel = null;
            int concurrent = 100;
            int errors;
            long fromPool;
            long connections;
            java.nio.file.Path dir = dev.aksh.tunnel.PrivateFiles.newDirectory(java.nio.file.Path.of(
                    System.getProperty("java.io.tmpdir")), "aksh-bench-");
            try (BastionTunnel t = BastionTunnel.open(endpoint, 0, BastionTunnel.Options.defaults())) {
                // warm both paths (JIT, TLS session machinery) before measuring
                bulk(direct, fqdn, trust, token, 2);
                bulk(t.port(), fqdn, trust, token, 2);
                for (int i = 0; i < runs; i++) {
                    directMBps.add(bulk(direct, fqdn, trust, token, 6));
                    tunnelMBps.add(bulk(t.port(), fqdn, trust, token, 6));
                }
                if (kubectl() != null) {
                    kubectlDirect = new Measurements();
                    kubectlTunnel = new Measurements();
                    java.nio.file.Path ca = dir.resolve("ca.pem");
                    dev.aksh.tunnel.PrivateFiles.write(ca, azure.ca().certificatePem().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    java.nio.file.Path kcDirect = kubeconfig(dir, "direct", direct, fqdn, ca, token);
                    java.nio.file.Path kcTunnel = kubeconfig(dir, "tunnel", t.port(), fqdn, ca, token);
                    kubectlRaw(kcDirect, dir, 1);
                    kubectlRaw(kcTunnel, dir, 1);
                    for (int i = 0; i < runs; i++) {
                        kubectlDirect.add(kubectlRaw(kcDirect, dir, 4));
                        kubectlTunnel.add(kubectlRaw(kcTunnel, dir, 4));
                    }
                }
                for (int i = 0; i < 3 * runs; i++) {
                    awaitPool(t, 2);
                    warm.add(setupMs(t.port(), fqdn, trust));
                    directSetup.add(setupMs(direct, fqdn, trust));
                }
                awaitPool(t, 2);
                errors = concurrently(concurrent, t.port(), fqdn, trust, token, concurrentMs);
                fromPool = t.stats().fromPool();
                connections = t.stats().connections();
            } finally {
                dev.aksh.tunnel.PrivateFiles.deleteTree(dir);
            }
            try (BastionTunnel coldTunnel = BastionTunnel.open(endpoint, 0, new BastionTunnel.Options(0,
                    BastionTunnel.Options.defaults().pingEvery(), BastionTunnel.Options.defaults().maxPooledAge()))) {
                setupMs(coldTunnel.port(), fqdn, trust); // takes the one session opened with the tunnel
                for (int i = 0; i < 3 * runs; i++) {
                    cold.add(setupMs(coldTunnel.port(), fqdn, trust));
                }
            }
            return new Results(directMBps, tunnelMBps, kubectlDirect, kubectlTunnel, warm, directSetup, cold, concurrent, errors, concurrentMs,
                    azure.bastions().liveSessions(), fromPool, connections);
        }
    }

    /** MB/s for {@code count} fetches of the blob over one kept-alive connection. */
    private static double bulk(int port, String fqdn, SSLContext trust, String token, int count) throws Exception {
        try (LoopbackHttps.Conn c = new LoopbackHttps.Conn(port, fqdn, trust)) {
            long bytes = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                bytes += c.fetch("/api/v1/namespaces/default/configmaps/blob", token);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return bytes / 1e6 / seconds;
        }
    }

    /** kubectl on PATH, or null. */
    static java.nio.file.Path kubectl() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            java.nio.file.Path k = java.nio.file.Path.of(d.isEmpty() ? "." : d, "kubectl");
            if (java.nio.file.Files.isExecutable(k)) {
                return k;
            }
        }
        return null;
    }

    private static java.nio.file.Path kubeconfig(java.nio.file.Path dir, String name, int port, String fqdn,
            java.nio.file.Path ca, String token) {
        java.nio.file.Path f = dir.resolve(name + ".kubeconfig");
        dev.aksh.tunnel.PrivateFiles.write(f, ("""
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://localhost:%d", tls-server-name: "%s", certificate-authority: "%s"}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                users: [{name: u, user: {token: "%s"}}]
                current-context: c
                """).formatted(port, fqdn, ca, token).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return f;
    }

    /** MB/s for {@code count} runs of {@code kubectl get --raw} of the blob (each a new kubectl process). */
    private static double kubectlRaw(java.nio.file.Path kubeconfig, java.nio.file.Path dir, int count) throws Exception {
        long bytes = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ProcessBuilder pb = new ProcessBuilder(kubectl().toString(), "--kubeconfig", kubeconfig.toString(), "get", "--raw",
                    "/api/v1/namespaces/default/configmaps/blob");
            pb.environment().put("KUBECACHEDIR", dir.resolve("cache").toString());
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            long n = p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (p.waitFor() != 0 || n < BLOB_MB * 1_000_000L) {
                throw new IllegalStateException("kubectl get --raw failed (exit " + p.exitValue() + ", " + n + " bytes)");
            }
            bytes += n;
        }
        return bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }

    /** A new connection: TCP, a verified TLS handshake with the API server, and {@code GET /version}, in ms. */
    private static double setupMs(int port, String fqdn, SSLContext trust) throws Exception {
        long t0 = System.nanoTime();
        try (LoopbackHttps.Conn c = new LoopbackHttps.Conn(port, fqdn, trust)) {
            if (c.get("/version", null).status() != 200) {
                throw new IllegalStateException("/version failed");
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static int concurrently(int n, int port, String fqdn, SSLContext trust, String token, Measurements ms)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Double>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    try (LoopbackHttps.Conn c = new LoopbackHttps.Conn(port, fqdn, trust)) {
                        if (c.get("/api/v1/namespaces/kube-system/pods", token).status() != 200) {
                            return -1.0;
                        }
                    }
                    return (System.nanoTime() - t0) / 1e6;
                });
            }
            List<Future<Double>> futures = new ArrayList<>();
            for (Callable<Double> c : calls) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            int errors = 0;
            for (Future<Double> f : futures) {
                try {
                    double v = f.get();
                    if (v < 0) {
                        errors++;
                    } else {
                        ms.add(v);
                    }
                } catch (Exception e) {
                    errors++;
                }
            }
            return errors;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitPool(BastionTunnel t, int size) throws InterruptedException {
        for (int i = 0; i < 400 && t.stats().pooled() < size; i++) {
            Thread.sleep(5);
        }
        Thread.sleep(20); // let the pool's last WebSocket settle, as between two kubectl commands
    }
}
