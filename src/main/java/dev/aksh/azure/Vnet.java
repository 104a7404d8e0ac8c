package dev.aksh.azure;

import java.util.List;

/**
 * A virtual network, as far as finding a way in cares.
 *
 * @param bastionIds the Bastion hosts whose IP configurations sit in its AzureBastionSubnet
 * @param peerings its peerings, from its side
 */
public record Vnet(String id, String name, String subscriptionId, List<String> addressSpace, List<String> bastionIds,
        List<Peering> peerings) {

    /**
     * @param state Connected, Initiated or Disconnected
     */
    public record Peering(String name, String remoteVnetId, String state) {
        public boolean connected() {
            return "Connected".equalsIgnoreCase(state);
        }

        public String remoteName() {
            return remoteVnetId == null ? null : remoteVnetId.substring(remoteVnetId.lastIndexOf('/') + 1);
        }
    }
}
