package dev.aksh.network;

import com.azure.core.management.SubResource;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkPeeringInner;
import dev.aksh.azure.ArmId;
import dev.aksh.azure.AzureClients;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.NetworkService;
import dev.aksh.azure.Vnet;
import dev.aksh.error.AkshException;
import dev.aksh.ranges.Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 000's "connect using VNet peering" as one idempotent operation: link the other VNet to the
 * cluster's private DNS zone (registration off), peer the other VNet to the cluster's and back
 * (allow VNet access). It plans first — only what is missing — so a second run changes nothing and
 * {@code --dry-run} can print the ARM calls.
 */
public final class PeeringService {
    static final String VNET_TYPE = "Microsoft.Network/virtualNetworks";

    private final AzureClients clients;
    private final NetworkService network;
    private final PrivateDnsService dns;

    public PeeringService(AzureClients clients, NetworkService network, PrivateDnsService dns) {
        this.clients = clients;
        this.network = network;
        this.dns = dns;
    }

    /** One ARM call the plan makes. */
    public record Step(Kind kind, String method, String id, String detail) {
        public enum Kind { DNS_LINK, PEERING_TO_CLUSTER, PEERING_FROM_CLUSTER }

        public String line() {
            return method + " " + id + (detail == null ? "" : "  (" + detail + ")");
        }
    }

    /**
     * What exists and what is missing.
     *
     * @param zone the cluster's private DNS zone, or null when it has none to link (public, privateDNSZone none)
     * @param zoneNote why there is no zone, or null
     */
    public record Plan(Cluster cluster, Vnet clusterVnet, Vnet other, PrivateZone zone, String zoneNote, List<Step> steps) {
        public boolean nothingToDo() {
            return steps.isEmpty();
        }
    }

    /** The cluster's VNet: the node subnet's, else the only VNet in the node resource group (a managed VNet). */
    public String clusterVnetId(Cluster c) {
        if (c.nodeSubnetId() != null && c.nodeSubnetId().toLowerCase(java.util.Locale.ROOT).contains("/subnets/")) {
            return c.nodeSubnetId().substring(0, c.nodeSubnetId().toLowerCase(java.util.Locale.ROOT).indexOf("/subnets/"));
        }
        List<String> ids = new ArrayList<>();
        for (VirtualNetworkInner v : clients.network(c.subscriptionId()).getVirtualNetworks()
                .listByResourceGroup(c.nodeResourceGroup())) {
            ids.add(v.id());
        }
        if (ids.size() != 1) {
            throw AkshException.notFound("cannot tell " + c.name() + "'s virtual network (no node subnet set, and "
                    + ids.size() + " VNets in " + c.nodeResourceGroup() + ")", "check the cluster's agent pool subnet");
        }
        return ids.get(0);
    }

    public Plan plan(Cluster c, String otherVnetId, String name) {
        ArmId o = ArmId.parse(otherVnetId);
        if (o == null || !o.is(VNET_TYPE)) {
            throw AkshException.usage("'" + otherVnetId + "' is not a virtual network's resource id",
                    "give --vnet /subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/NAME");
        }
        Vnet mine = read(clusterVnetId(c), c.name() + "'s virtual network");
        Vnet other = read(otherVnetId, "virtual network " + o.name());
        if (mine.id().equalsIgnoreCase(other.id())) {
            throw AkshException.usage(o.name() + " is " + c.name() + "'s own virtual network", "nothing to peer: machines "
                    + "there reach the API server already (seed 000: a VM in the same VNet)");
        }
        List<String> overlap = overlaps(mine, other);
        if (!overlap.isEmpty()) {
            throw AkshException.refused(mine.name() + " and " + other.name() + " overlap (" + String.join(", ", overlap)
                    + "), and Azure cannot peer overlapping address spaces", "peer a VNet with a distinct range");
        }
        PrivateZone zone = null;
        String zoneNote = null;
        if (!c.privateCluster()) {
            zoneNote = c.name() + " is public: its name is in public DNS, no zone to link";
        } else if ("none".equalsIgnoreCase(c.privateDnsZone())) {
            zoneNote = c.name() + " has privateDNSZone none: its private FQDN is in public DNS, no zone to link";
        } else {
            zone = dns.read(c);
        }
        String linkName = name != null ? name : "aksh-" + other.name();
        List<Step> steps = new ArrayList<>();
        if (zone != null && zone.linkTo(other.id()) == null) {
            steps.add(new Step(Step.Kind.DNS_LINK, "PUT", zone.id() + "/virtualNetworkLinks/" + linkName,
                    "virtualNetwork " + other.name() + ", registrationEnabled false"));
        }
        if (peeringTo(other, mine.id()) == null) {
            steps.add(new Step(Step.Kind.PEERING_TO_CLUSTER, "PUT", other.id() + "/virtualNetworkPeerings/"
                    + (name != null ? name : "aksh-" + mine.name()), "remote " + mine.name() + ", allowVirtualNetworkAccess true"));
        }
        if (peeringTo(mine, other.id()) == null) {
            steps.add(new Step(Step.Kind.PEERING_FROM_CLUSTER, "PUT", mine.id() + "/virtualNetworkPeerings/"
                    + (name != null ? name : "aksh-" + other.name()), "remote " + other.name() + ", allowVirtualNetworkAccess true"));
        }
        return new Plan(c, mine, other, zone, zoneNote, steps);
    }

    /** Makes the missing pieces, in seed 000's order; returns the plan re-read afterwards. */
    public Plan apply(Plan p, String name) {
        for (Step s : p.steps()) {
            String stepName = s.id().substring(s.id().lastIndexOf('/') + 1);
            try {
                switch (s.kind()) {
                    case DNS_LINK -> dns.link(p.zone(), stepName, p.other().id());
                    case PEERING_TO_CLUSTER -> peer(p.other().id(), stepName, p.clusterVnet().id());
                    case PEERING_FROM_CLUSTER -> peer(p.clusterVnet().id(), stepName, p.other().id());
                }
            } catch (ManagementException e) {
                int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
                String msg = e.getValue() == null ? e.getMessage() : e.getValue().getCode() + ": " + e.getValue().getMessage();
                if (status == 403) {
                    throw AkshException.auth("not allowed: " + s.line() + " (" + msg + ")", "ask for Network Contributor on "
                            + "both VNets (and Private DNS Zone Contributor on the zone); what was done before this step stays");
                }
                throw AkshException.remote(s.line() + " failed: " + msg, "what was done before this step stays; run the "
                        + "command again to finish (it only makes what is missing)");
            }
        }
        return plan(p.cluster(), p.other().id(), name);
    }

    private void peer(String fromVnetId, String name, String toVnetId) {
        ArmId a = ArmId.parse(fromVnetId);
        VirtualNetworkPeeringInner body = new VirtualNetworkPeeringInner()
                .withRemoteVirtualNetwork(new SubResource().withId(toVnetId))
                .withAllowVirtualNetworkAccess(true);
        clients.network(a.subscriptionId()).getVirtualNetworkPeerings().createOrUpdate(a.resourceGroup(), a.name(), name, body);
    }

    /** The peering of {@code v} to {@code remoteId}, or null. */
    public static Vnet.Peering peeringTo(Vnet v, String remoteId) {
        return v.peerings().stream().filter(p -> p.remoteVnetId() != null && p.remoteVnetId().equalsIgnoreCase(remoteId))
                .findFirst().orElse(null);
    }

    private Vnet read(String id, String what) {
        try {
            return network.vnet(id);
        } catch (ManagementException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            if (status == 404) {
                throw AkshException.notFound("no " + what + " (" + id + ")", "check the resource id");
            }
            if (status == 403) {
                throw AkshException.auth("no Reader role on " + what + " (" + id + ")", "ask for Reader (Network "
                        + "Contributor to create peerings) on it");
            }
            throw e;
        }
    }

    static List<String> overlaps(Vnet a, Vnet b) {
        List<String> out = new ArrayList<>();
        for (String x : a.addressSpace()) {
            for (String y : b.addressSpace()) {
                try {
                    if (Cidr.parse(x).overlaps(Cidr.parse(y))) {
                        out.add(x + " ~ " + y);
                    }
                } catch (RuntimeException ignored) {
                    // IPv6 or malformed: not compared
                }
            }
        }
        return out;
    }
}
