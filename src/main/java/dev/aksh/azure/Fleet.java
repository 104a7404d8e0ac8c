package dev.aksh.azure;

/**
 * A Kubernetes Fleet Manager fleet, as far as operators care: its hub.
 *
 * @param hasHub whether the fleet has a hub cluster
 * @param privateHub whether the hub's API server is private
 * @param lastOperationError the last operation's error, "CODE: message", or null
 */
public record Fleet(
        String id,
        String name,
        String resourceGroup,
        String subscriptionId,
        String location,
        boolean hasHub,
        boolean privateHub,
        String hubFqdn,
        String portalFqdn,
        String kubernetesVersion,
        String provisioningState,
        String lastOperationError,
        String hubSubnetId) {

    public String hubAccess() {
        return !hasHub ? "no hub" : privateHub ? "private" : "public";
    }
}
