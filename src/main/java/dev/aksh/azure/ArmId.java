package dev.aksh.azure;

import java.util.Locale;

/**
 * A resource id taken apart: {@code /subscriptions/S/resourceGroups/G/providers/NS/TYPE/NAME[/CHILD/NAME…]}.
 *
 * @param type the full type of the top-level resource, e.g. {@code Microsoft.Network/virtualNetworks}
 * @param name the top-level resource's name
 */
public record ArmId(String id, String subscriptionId, String resourceGroup, String type, String name) {

    /** Parses {@code id}; returns null when it is not a resource id. */
    public static ArmId parse(String id) {
        if (id == null || !id.startsWith("/")) {
            return null;
        }
        String[] p = id.substring(1).split("/");
        if (p.length < 8 || !p[0].equalsIgnoreCase("subscriptions") || !p[2].equalsIgnoreCase("resourceGroups")
                || !p[4].equalsIgnoreCase("providers")) {
            return null;
        }
        return new ArmId(String.join("/", "", p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]), p[1], p[3],
                p[5] + "/" + p[6], p[7]);
    }

    /** Whether this is a resource of {@code fullType} (case-insensitive). */
    public boolean is(String fullType) {
        return type.toLowerCase(Locale.ROOT).equals(fullType.toLowerCase(Locale.ROOT));
    }

    /** Whether both ids name the same resource (ids compare case-insensitively). */
    public static boolean same(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }

    /** The VNet of a subnet id ({@code …/virtualNetworks/V/subnets/S} → {@code …/virtualNetworks/V}). */
    public static String vnetOfSubnet(String subnetId) {
        if (subnetId == null) {
            return null;
        }
        int i = subnetId.toLowerCase(Locale.ROOT).indexOf("/subnets/");
        return i < 0 ? null : subnetId.substring(0, i);
    }
}
