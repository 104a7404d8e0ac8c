package dev.aksh.azure;

import dev.aksh.session.ClusterRef;
import java.util.List;

/**
 * What aksh knows about a managed cluster: the facts that decide how to reach it, read from the
 * ARM resource. This is also the shape of {@code cluster show -o json}.
 *
 * @param publicFqdnEnabled for a private cluster, whether it also has a public FQDN; null for a
 *     public cluster
 * @param authorizedIpRanges API server authorized IP ranges; empty when the feature is off
 * @param nodeResourceGroupLockdown network resource group lockdown (restriction level ReadOnly)
 * @param eTag the entity tag, for If-Match on writes
 * @param outboundIpIds the public IP resources the cluster's load balancer sends from (effectiveOutboundIPs)
 */
public record Cluster(
        String id,
        String name,
        String resourceGroup,
        String subscriptionId,
        String location,
        String kubernetesVersion,
        String provisioningState,
        String powerState,
        boolean privateCluster,
        String fqdn,
        String privateFqdn,
        Boolean publicFqdnEnabled,
        List<String> authorizedIpRanges,
        boolean runCommandDisabled,
        boolean aadManaged,
        boolean azureRbac,
        boolean localAccountsDisabled,
        String sku,
        String tier,
        String nodeResourceGroup,
        boolean nodeResourceGroupLockdown,
        boolean apiServerVnetIntegration,
        String privateDnsZone,
        String loadBalancerSku,
        String outboundType,
        String nodeSubnetId,
        String eTag,
        List<String> outboundIpIds) {

    public Cluster {
        authorizedIpRanges = authorizedIpRanges == null ? List.of() : List.copyOf(authorizedIpRanges);
        outboundIpIds = outboundIpIds == null ? List.of() : List.copyOf(outboundIpIds);
    }

    public ClusterRef ref() {
        return new ClusterRef(subscriptionId, resourceGroup, name);
    }

    public String access() {
        return privateCluster ? "private" : "public";
    }

    public boolean automatic() {
        return "Automatic".equalsIgnoreCase(sku);
    }

    public boolean running() {
        return powerState == null || "Running".equalsIgnoreCase(powerState);
    }

    /** The API server's host name as clients use it: the public FQDN where there is one, else the private FQDN. */
    public String apiServerHost() {
        return fqdn != null ? fqdn : privateFqdn;
    }
}
