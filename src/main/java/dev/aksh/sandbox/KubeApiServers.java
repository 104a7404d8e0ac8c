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
    private final TokenVerifier tokens = new TokenVerifier(Set.of(RunCommands.AKS_AAD_SERVER_APP,
            "api://" + RunCommands.AKS_AAD_SERVER_APP));

    KubeApiServers(ArmState state, KubeClusters clusters, CertificateAuthority ca) {
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
            try {
                return new KubeApiServer(kube, ca.issue(names, List.of("127.0.0.1")).serverContext(),
                        (token, cert) -> check(token, cert, localAccounts)).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String check(String token, X509Certificate cert, boolean localAccounts) {
        if (cert != null && localAccounts && cert.getSubjectX500Principal().getName().contains("O=system:masters")
                && cert.getIssuerX500Principal().equals(ca.certificate().getSubjectX500Principal())) {
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

    @Override
    public void close() {
        servers.values().forEach(KubeApiServer::close);
    }
}
