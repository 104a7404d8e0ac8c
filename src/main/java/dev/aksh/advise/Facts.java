package dev.aksh.advise;

import dev.aksh.azure.Cluster;
import java.util.List;

/**
 * What the advisor knows about a cluster and its surroundings, read from ARM (and this machine's
 * public IP). Everything that could not be read is null or listed in {@link #unreadable}, so a
 * rule can say "unknown" instead of guessing.
 *
 * @param vnetName the cluster's VNet, or null when unreadable
 * @param vnetId its resource id, or null
 * @param nodeSubnet the node subnet's name, or null
 * @param bastions Bastions that can reach the cluster (same or peered VNet), usable or not
 * @param peers VNets peered with the cluster's
 * @param dns the private DNS zone, or null (public cluster, privateDNSZone none, or unreadable)
 * @param dnsNone true when the cluster publishes its private FQDN in public DNS (privateDNSZone none)
 * @param myIp this machine's public IP, or null when unknown
 * @param roles the caller's Azure roles on the cluster (assigned there or above), or null when unreadable
 * @param unreadable what could not be read, each "what (why)"
 */
public record Facts(Cluster cluster, String vnetName, String vnetId, String nodeSubnet, List<BastionFact> bastions,
        List<PeerFact> peers, DnsFact dns, boolean dnsNone, String myIp, List<String> roles, List<String> unreadable) {

    public Facts {
        roles = roles == null ? null : List.copyOf(roles);
        bastions = bastions == null ? List.of() : List.copyOf(bastions);
        peers = peers == null ? List.of() : List.copyOf(peers);
        unreadable = unreadable == null ? List.of() : List.copyOf(unreadable);
    }

    /**
     * @param unusableBecause why Bastion cannot tunnel with it (SKU, native client off), or null
     * @param fix the command that makes it usable, or null
     * @param publicIp its public IP, or null (unknown or none)
     */
    public record BastionFact(String name, String via, String unusableBecause, String fix, String publicIp) {
        public boolean usable() {
            return unusableBecause == null;
        }
    }

    /**
     * @param state Connected, Initiated or Disconnected (from the cluster VNet's side)
     * @param dnsLinked whether the peer VNet is linked to the cluster's private DNS zone (null: no zone to link)
     */
    public record PeerFact(String vnetName, String vnetId, String state, Boolean dnsLinked) {
        public boolean connected() {
            return "Connected".equalsIgnoreCase(state);
        }
    }

    /** @param apiServerAddress the A record's address for the API server, or null when missing */
    public record DnsFact(String zone, String apiServerAddress, List<String> linkedVnets) {
        public DnsFact {
            linkedVnets = List.copyOf(linkedVnets);
        }
    }
}
