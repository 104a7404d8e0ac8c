package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.ranges.AuthorizedRanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a cluster's public API server endpoint lets in, as AKS's firewall would: everyone when the
 * cluster has no authorized ranges, the addresses the ranges cover when it has, only the cluster's
 * own outbound IPs for {@code 0.0.0.0/32}, and nobody from the internet for a private cluster. A
 * change takes effect when its update has finished and the propagation time has passed (AKS: up to
 * two minutes), so a trainee sees the delay too.
 */
final class ApiServerFirewall {
    private record Pending(List<String> previous, Instant effectiveAt) {
    }

    private final ArmState state;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    ApiServerFirewall(ArmState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** Forgets changes on their way (the world was replaced). */
    void clear() {
        pending.clear();
    }

    /** A PUT is changing a cluster's ranges; the old ones hold for {@code after}. */
    void changing(String clusterId, List<String> previous, Duration after) {
        String key = clusterId.toLowerCase(Locale.ROOT);
        Pending p = pending.get(key);
        // if an earlier change has not reached the firewall yet, its own predecessor still rules
        List<String> ruling = p != null && clock.instant().isBefore(p.effectiveAt()) ? p.previous() : previous;
        pending.put(key, new Pending(ruling, clock.instant().plus(after)));
    }

    /** The ranges the firewall enforces now for a cluster. */
    List<String> effectiveRanges(JsonNode cluster) {
        Pending p = pending.get(cluster.get("id").asText().toLowerCase(Locale.ROOT));
        if (p != null && clock.instant().isBefore(p.effectiveAt())) {
            return p.previous();
        }
        return ranges(cluster);
    }

    /** Whether a client at {@code sourceIp} on the internet reaches the cluster's API server. */
    boolean admitsFromInternet(ObjectNode cluster, String sourceIp) {
        if (cluster.path("properties").path("apiServerAccessProfile").path("enablePrivateCluster").asBoolean(false)) {
            return false; // its FQDN resolves to a private endpoint
        }
        return AuthorizedRanges.admits(effectiveRanges(cluster), sourceIp, outboundIps(cluster));
    }

    static List<String> ranges(JsonNode cluster) {
        List<String> out = new ArrayList<>();
        cluster.path("properties").path("apiServerAccessProfile").path("authorizedIPRanges").forEach(r -> out.add(r.asText()));
        return out;
    }

    /** The addresses of the cluster's effective outbound IPs. */
    List<String> outboundIps(JsonNode cluster) {
        List<String> out = new ArrayList<>();
        for (JsonNode ref : cluster.at("/properties/networkProfile/loadBalancerProfile/effectiveOutboundIPs")) {
            ObjectNode pip = state.resource(ref.path("id").asText());
            if (pip != null && pip.at("/properties/ipAddress").isTextual()) {
                out.add(pip.at("/properties/ipAddress").asText());
            }
        }
        return out;
    }
}
