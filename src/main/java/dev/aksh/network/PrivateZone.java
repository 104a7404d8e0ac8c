package dev.aksh.network;

import java.util.List;

/**
 * A private cluster's private DNS zone: where its API server's name resolves, and which VNets can
 * resolve it.
 *
 * @param apiServerRecord the A record for the API server's private FQDN, or null if missing
 */
public record PrivateZone(String id, String name, String resourceGroup, String subscriptionId, List<Record> records,
        List<Link> links, Record apiServerRecord) {

    public PrivateZone {
        records = List.copyOf(records);
        links = List.copyOf(links);
    }

    /** An A record set. */
    public record Record(String name, String fqdn, List<String> addresses) {
        public Record {
            addresses = List.copyOf(addresses);
        }
    }

    /** A virtual network link. */
    public record Link(String name, String vnetId, boolean registration, String state) {
        public String vnetName() {
            return vnetId == null ? "" : vnetId.substring(vnetId.lastIndexOf('/') + 1);
        }
    }

    /** The link to {@code vnetId}, or null. */
    public Link linkTo(String vnetId) {
        return links.stream().filter(l -> l.vnetId() != null && l.vnetId().equalsIgnoreCase(vnetId)).findFirst().orElse(null);
    }
}
