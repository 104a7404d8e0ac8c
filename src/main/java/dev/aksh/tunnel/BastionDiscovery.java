package dev.aksh.tunnel;

import com.azure.core.management.exception.ManagementException;
import dev.aksh.azure.ArmId;
import dev.aksh.azure.Bastion;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.NetworkService;
import dev.aksh.azure.Vnet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the Bastion hosts that can reach a cluster, the way an operator would look: the cluster's
 * node resource group (where {@code az aks bastion} looks, and where a managed Bastion goes), the
 * cluster's VNet, then every VNet peered with it (Connected on both sides), in whatever
 * subscription it is. What could not be read is remembered, so "none found" can say why.
 */
public final class BastionDiscovery {

    /** A Bastion found, and how. */
    public record Candidate(Bastion bastion, String via) {
        public boolean usable() {
            return bastion.unusableBecause() == null;
        }
    }

    /**
     * What the search found.
     *
     * @param unreadable what could not be read for lack of access (the scope, and what it is)
     * @param notes other things worth telling (peerings not connected)
     */
    public record Found(List<Candidate> candidates, List<String> unreadable, List<String> notes) {
        public List<Candidate> usable() {
            return candidates.stream().filter(Candidate::usable).toList();
        }

        public List<Candidate> unusable() {
            return candidates.stream().filter(c -> !c.usable()).toList();
        }

        public Candidate byName(String name) {
            return candidates.stream().filter(c -> c.bastion().name().equalsIgnoreCase(name)).findFirst().orElse(null);
        }
    }

    private final NetworkService network;
    private final Function<String, String> subscriptionName;

    /** @param subscriptionName names a subscription id for messages (or returns the id) */
    public BastionDiscovery(NetworkService network, Function<String, String> subscriptionName) {
        this.network = network;
        this.subscriptionName = subscriptionName;
    }

    public Found find(Cluster cluster) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        if (cluster.nodeResourceGroup() != null) {
            try {
                for (Bastion b : network.bastionsIn(cluster.subscriptionId(), cluster.nodeResourceGroup())) {
                    add(found, b, "in the cluster's node resource group " + cluster.nodeResourceGroup());
                }
            } catch (ManagementException e) {
                if (status(e) == 403) {
                    unreadable.add("node resource group " + cluster.nodeResourceGroup() + " (no Reader role)");
                } else if (status(e) != 404) {
                    throw e;
                }
            }
        }

        String vnetId = ArmId.vnetOfSubnet(cluster.nodeSubnetId());
        if (vnetId != null) {
            Vnet vnet = readVnet(vnetId, "the cluster's virtual network", unreadable);
            if (vnet != null) {
                for (String id : vnet.bastionIds()) {
                    Bastion b = readBastion(id, unreadable);
                    if (b != null) {
                        add(found, b, "in the cluster's virtual network " + vnet.name());
                    }
                }
                for (Vnet.Peering p : vnet.peerings()) {
                    if (p.remoteVnetId() == null) {
                        continue;
                    }
                    if (!p.connected()) {
                        notes.add("peering " + p.name() + " from " + vnet.name() + " to " + p.remoteName() + " is "
                                + p.state() + ", so traffic cannot cross it yet");
                        continue;
                    }
                    Vnet remote = readVnet(p.remoteVnetId(), "a virtual network peered with " + vnet.name(), unreadable);
                    if (remote == null) {
                        continue;
                    }
                    boolean back = remote.peerings().stream().anyMatch(r -> ArmId.same(r.remoteVnetId(), vnet.id()) && r.connected());
                    if (!back) {
                        notes.add(remote.name() + " has no Connected peering back to " + vnet.name());
                        continue;
                    }
                    String where = remote.subscriptionId() != null && !remote.subscriptionId().equalsIgnoreCase(cluster.subscriptionId())
                            ? " (subscription " + subscriptionName.apply(remote.subscriptionId()) + ")" : "";
                    for (String id : remote.bastionIds()) {
                        Bastion b = readBastion(id, unreadable);
                        if (b != null) {
                            add(found, b, "in " + remote.name() + where + ", peered with " + vnet.name());
                        }
                    }
                }
            }
        }
        return new Found(List.copyOf(found.values()), List.copyOf(unreadable), List.copyOf(notes));
    }

    private static void add(Map<String, Candidate> found, Bastion b, String via) {
        found.putIfAbsent(b.id().toLowerCase(Locale.ROOT), new Candidate(b, via));
    }

    private Vnet readVnet(String id, String what, List<String> unreadable) {
        try {
            return network.vnet(id);
        } catch (ManagementException e) {
            if (status(e) == 403) {
                unreadable.add("virtual network " + id.substring(id.lastIndexOf('/') + 1) + ", " + what
                        + " (no Reader role)");
                return null;
            }
            if (status(e) == 404) {
                return null;
            }
            throw e;
        }
    }

    private Bastion readBastion(String id, List<String> unreadable) {
        try {
            return network.bastion(id);
        } catch (ManagementException e) {
            if (status(e) == 403) {
                unreadable.add("Bastion " + id.substring(id.lastIndexOf('/') + 1) + " (no Reader role)");
                return null;
            }
            if (status(e) == 404) {
                return null;
            }
            throw e;
        }
    }

    static int status(ManagementException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    }
}
