package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aksh.sandbox.kube.KubeCluster;
import dev.aksh.sandbox.kube.KubeSeed;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kubernetes state behind each managed cluster of the fake ARM, made the first time something
 * looks inside a cluster (a run command, later its API server), from the world's description.
 */
public final class KubeClusters {
    private final ArmState state;
    private final Clock clock;
    private final Map<String, KubeCluster> clusters = new ConcurrentHashMap<>();

    public KubeClusters(ArmState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** Forgets every cluster's Kubernetes state (they are made again from the world when next looked at). */
    void clear() {
        clusters.clear();
    }

    /** The clusters made so far, by lower-case resource id. */
    Map<String, KubeCluster> made() {
        return Map.copyOf(clusters);
    }

    /** Puts a cluster's saved Kubernetes state in place of what the world would make. */
    void restore(JsonNode managedCluster, JsonNode saved) {
        KubeCluster k = empty(managedCluster);
        k.restore(saved);
        clusters.put(managedCluster.get("id").asText().toLowerCase(Locale.ROOT), k);
    }

    /** A cluster with nothing in it yet, named and versioned as its managedCluster document says. */
    private KubeCluster empty(JsonNode managedCluster) {
        JsonNode p = managedCluster.path("properties");
        String version = p.path("currentKubernetesVersion").asText(p.path("kubernetesVersion").asText("1.32.4"));
        String host = p.hasNonNull("fqdn") ? p.get("fqdn").asText() : p.path("privateFQDN").asText("kubernetes");
        return new KubeCluster(managedCluster.path("name").asText(), version, host, clock);
    }

    /** The cluster behind a managedCluster document. */
    public KubeCluster of(JsonNode managedCluster) {
        String id = managedCluster.get("id").asText();
        return clusters.computeIfAbsent(id.toLowerCase(Locale.ROOT), k -> {
            World.ClusterSpec spec = state.clusterSpec(id, managedCluster.path("name").asText());
            String pool = managedCluster.path("properties").path("agentPoolProfiles").path(0).path("name").asText("system");
            return KubeSeed.seed(empty(managedCluster), spec, pool);
        });
    }
}
