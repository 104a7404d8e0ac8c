package dev.aksh.azure;

import java.util.Map;

/**
 * A member of a fleet.
 *
 * @param clusterId the member cluster's resource id
 * @param state the provisioning state (Succeeded, Failed, Joining, Leaving…)
 * @param lastError the last operation's error, "CODE: message", or null
 */
public record FleetMember(String id, String name, String clusterId, String group, String state, String lastError,
        Map<String, String> labels) {

    public FleetMember {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** {@code RG/NAME} of the member cluster. */
    public String clusterShort() {
        dev.aksh.session.ClusterRef r = dev.aksh.session.ClusterRef.parseId(clusterId);
        return r == null ? String.valueOf(clusterId) : r.resourceGroup() + "/" + r.name();
    }

    public boolean failed() {
        return "Failed".equalsIgnoreCase(state) || lastError != null;
    }
}
