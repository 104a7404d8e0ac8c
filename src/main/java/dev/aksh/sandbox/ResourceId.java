package dev.aksh.sandbox;

/**
 * A resource addressed by the fake ARM.
 *
 * @param id the resource id as the client wrote it
 * @param subscriptionId its subscription
 * @param resourceGroup its resource group, or null for subscription-level resources
 * @param type the full type ({@code Microsoft.Network/virtualNetworks/virtualNetworkPeerings})
 * @param name the last name segment
 */
public record ResourceId(String id, String subscriptionId, String resourceGroup, String type, String name) {

    /** The id of the parent resource, for child resources; null otherwise. */
    public String parentId() {
        int providers = id.toLowerCase(java.util.Locale.ROOT).indexOf("/providers/");
        String tail = id.substring(providers + "/providers/".length());
        if (tail.split("/").length <= 3) {
            return null;
        }
        String withoutName = id.substring(0, id.lastIndexOf('/'));
        return withoutName.substring(0, withoutName.lastIndexOf('/'));
    }
}
