package dev.aksh.azure;

import java.util.Locale;

/**
 * An Azure Bastion host, as far as tunnels care.
 *
 * @param sku Basic, Developer, Standard or Premium
 * @param tunneling native client support ({@code enableTunneling})
 * @param dnsName where its native-client endpoint answers
 * @param vnetId the VNet it sits in (through AzureBastionSubnet, or the Developer SKU's virtualNetwork)
 * @param publicIpId its public IP address resource, or null for a private-only Bastion
 */
public record Bastion(
        String id,
        String name,
        String resourceGroup,
        String subscriptionId,
        String sku,
        boolean tunneling,
        String dnsName,
        String vnetId,
        String publicIpId,
        String provisioningState) {

    /** Whether the SKU can carry native client tunnels at all. */
    public boolean skuSupportsTunnels() {
        String s = sku == null ? "" : sku.toLowerCase(Locale.ROOT);
        return s.equals("standard") || s.equals("premium");
    }

    /** Why this Bastion cannot carry a tunnel, or null if it can. */
    public String unusableBecause() {
        if (!skuSupportsTunnels()) {
            return "SKU " + sku + " has no native client support (Standard or Premium needed)";
        }
        if (!tunneling) {
            return "native client support (enableTunneling) is off";
        }
        if (provisioningState != null && !provisioningState.equalsIgnoreCase("Succeeded")) {
            return "provisioning state is " + provisioningState;
        }
        if (dnsName == null || dnsName.isBlank()) {
            return "it has no DNS name to connect to";
        }
        return null;
    }

    /** What it takes to make it usable, as a command. */
    public String fix() {
        if (!skuSupportsTunnels()) {
            return "az network bastion update -g " + resourceGroup + " -n " + name + " --sku Standard --enable-tunneling true";
        }
        return "az network bastion update -g " + resourceGroup + " -n " + name + " --enable-tunneling true";
    }

    public String vnetName() {
        return vnetId == null ? null : vnetId.substring(vnetId.lastIndexOf('/') + 1);
    }
}
