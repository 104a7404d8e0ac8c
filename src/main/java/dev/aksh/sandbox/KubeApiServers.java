package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aksh.sandbox.kube.KubeApiServer;
import dev.aksh.sandbox.kube.KubeCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clusters' Kubernetes API servers, started the first time something connects to a cluster
 * (a Bastion session, later a direct client). Each presents a certificate for the cluster's FQDNs,
 * issued by the sandbox CA, and accepts what AKS accepts: a token for the AKS AAD server app, or
 * the admin client certificate of {@code listClusterAdminCredential}.
 */
public final class KubeApiServers implements AutoCloseable {
    /** The subject of the client certificates the sandbox issues: admin, or the user of a cluster without AAD. */
    static String clientSubject(boolean admin) {
        return admin ? "CN=masterclient,O=system:masters" : "CN=clusterUser,O=system:masters";
    }

    private final ArmState state;
    private final KubeClusters clusters;
    private final CertificateAuthority ca;
    private final Map<String, KubeApiServer> servers = new ConcurrentHashMap<>();
    private final Map<String, PublicEndpoint> fronts = new ConcurrentHashMap<>();
    private final ApiServerFirewall firewall;
    private final TokenVerifier tokens = new TokenVerifier(Set.of(RunCommands.AKS_AAD_SERVER_APP,
            "api://" + RunCommands.AKS_AAD_SERVER_APP));

    private final Activity activity;
    private final RolePropagation roles;

    KubeApiServers(ArmState state, KubeClusters clusters, CertificateAuthority ca, ApiServerFirewall firewall, Activity activity,
            RolePropagation roles) {
        this.activity = activity;
        this.roles = roles;
        this.firewall = firewall;
        this.state = state;
        this.clusters = clusters;
        this.ca = ca;
    }

    /** The API server of a managed cluster, started if needed. */
    public KubeApiServer of(JsonNode managedCluster) {
        String id = managedCluster.get("id").asText().toLowerCase(Locale.ROOT);
        return servers.computeIfAbsent(id, k -> {
            KubeCluster kube = clusters.of(managedCluster);
            JsonNode p = managedCluster.path("properties");
            List<String> names = new ArrayList<>();
            for (String f : new String[] {"fqdn", "privateFQDN"}) {
                if (p.hasNonNull(f)) {
                    names.add(p.get(f).asText());
                }
            }
            names.addAll(List.of("kubernetes", "kubernetes.default", "kubernetes.default.svc",
                    "kubernetes.default.svc.cluster.local", "localhost"));
            boolean localAccounts = !p.path("disableLocalAccounts").asBoolean(false);
            String fleet = managedCluster.path("tags").path("fleet").asText(null);
            try {
                return new KubeApiServer(kube, ca.issue(names, List.of("127.0.0.1")).serverContext(),
                        (token, cert) -> {
                            String denied = check(token, cert, localAccounts);
                            if (denied == null && fleet != null && token != null
                                    && (roles.pending() || !RoleDocuments.holds(state.world(), fleet, RoleDocuments.FLEET_HUB_ROLES))) {
                                return KubeApiServer.FORBIDDEN + "User \"" + state.world().identity().user()
                                        + "\" holds none of the Azure Kubernetes Fleet Manager RBAC roles on the fleet, so the "
                                        + "hub cluster lets it do nothing";
                            }
                            return denied;
                        }).onRequest((method, path, userAgent, status) -> activity.record(seq -> new Activity.KubeRequest(seq,
                                java.time.Instant.now(), managedCluster.get("id").asText(), method, path, userAgent, status)))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String check(String token, X509Certificate cert, boolean localAccounts) {
        if (cert != null && localAccounts && cert.getSubjectX500Principal().getName().contains("O=system:masters")
                && issuedHere(cert)) {
            return null;
        }
        if (token != null) {
            try {
                tokens.verify("Bearer " + token);
                return null;
            } catch (ArmError e) {
                return e.getMessage();
            }
        }
        return "no credentials";
    }

    /** Whether the sandbox CA signed this certificate and it is valid now. */
    private boolean issuedHere(X509Certificate cert) {
        try {
            cert.verify(ca.certificate().getPublicKey());
            cert.checkValidity();
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The cluster's public endpoint as the internet reaches it: a loopback port whose connections
     * come from the world's "my IP", let through to the API server only when the cluster's firewall
     * admits that address (checked per connection, so a change of ranges shows).
     */
    java.net.InetSocketAddress publicEndpoint(JsonNode managedCluster) {
        String id = managedCluster.get("id").asText();
        PublicEndpoint front = fronts.computeIfAbsent(id.toLowerCase(Locale.ROOT), k -> {
            try {
                return new PublicEndpoint(id).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), front.server.getLocalPort());
    }

    /** Connections that reached a public endpoint, and those its firewall turned away. */
    public int refusedFromInternet() {
        return fronts.values().stream().mapToInt(f -> f.refused.get()).sum();
    }

    private final class PublicEndpoint {
        private final String clusterId;
        private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        private java.net.ServerSocket server;

        PublicEndpoint(String clusterId) {
            this.clusterId = clusterId;
        }

        PublicEndpoint start() throws IOException {
            server = new java.net.ServerSocket(0, 128, java.net.InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::acceptLoop, "fake-public-endpoint-" + server.getLocalPort());
            t.setDaemon(true);
            t.start();
            return this;
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                java.net.Socket client;
                try {
                    client = server.accept();
                } catch (IOException e) {
                    return;
                }
                com.fasterxml.jackson.databind.node.ObjectNode cluster;
                boolean admitted;
                synchronized (state) {
                    cluster = state.resource(clusterId);
                    admitted = cluster != null && firewall.admitsFromInternet(cluster, state.world().myIp());
                }
                boolean in = admitted;
                activity.record(seq -> new Activity.PublicConnection(seq, java.time.Instant.now(), clusterId, in));
                if (!admitted) {
                    refused.incrementAndGet();
                    closeQuietly(client); // the firewall drops it: nothing answers
                    continue;
                }
                Thread pump = new Thread(() -> forward(client, cluster), "fake-public-endpoint-pump");
                pump.setDaemon(true);
                pump.start();
            }
        }

        private void forward(java.net.Socket client, JsonNode cluster) {
            try (client; java.net.Socket api = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), of(cluster).port())) {
                client.setTcpNoDelay(true);
                api.setTcpNoDelay(true);
                Thread back = new Thread(() -> copy(api, client), "fake-public-endpoint-back");
                back.setDaemon(true);
                back.start();
                copy(client, api);
                back.join(5000);
            } catch (IOException | InterruptedException e) {
                // one side went away
            }
        }

        private void copy(java.net.Socket from, java.net.Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(to);
            }
        }

        void close() {
            closeQuietly(server);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closed anyway
        }
    }

    @Override
    public void close() {
        servers.values().forEach(KubeApiServer::close);
        fronts.values().forEach(PublicEndpoint::close);
        servers.clear();
        fronts.clear();
    }
}
