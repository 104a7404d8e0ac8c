package dev.aksh.session;

import java.util.Locale;
import java.util.Objects;

/** A managed cluster by coordinates: subscription, resource group and name. */
public record ClusterRef(String subscriptionId, String resourceGroup, String name) {
    public ClusterRef {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(name, "name");
    }

    /** The ARM resource id. */
    public String id() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.ContainerService/managedClusters/" + name;
    }

    /** Parses a managedClusters resource id; returns null when {@code id} is not one. */
    public static ClusterRef parseId(String id) {
        if (id == null) {
            return null;
        }
        String[] p = id.startsWith("/") ? id.substring(1).split("/") : id.split("/");
        if (p.length != 8
                || !p[0].equalsIgnoreCase("subscriptions")
                || !p[2].equalsIgnoreCase("resourceGroups")
                || !p[4].equalsIgnoreCase("providers")
                || !p[5].equalsIgnoreCase("Microsoft.ContainerService")
                || !p[6].equalsIgnoreCase("managedClusters")) {
            return null;
        }
        return new ClusterRef(p[1], p[3], p[7]);
    }

    /** True when both name the same cluster (ARM names and groups compare case-insensitively). */
    public boolean sameAs(ClusterRef other) {
        return other != null
                && subscriptionId.equalsIgnoreCase(other.subscriptionId)
                && resourceGroup.toLowerCase(Locale.ROOT).equals(other.resourceGroup.toLowerCase(Locale.ROOT))
                && name.equalsIgnoreCase(other.name);
    }
}
