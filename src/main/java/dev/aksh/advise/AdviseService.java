package dev.aksh.advise;

import com.azure.core.management.exception.ManagementException;
import dev.aksh.azure.Bastion;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.NetworkService;
import dev.aksh.azure.Vnet;
import dev.aksh.error.AkshException;
import dev.aksh.network.PeeringService;
import dev.aksh.network.PrivateDnsService;
import dev.aksh.network.PrivateZone;
import dev.aksh.ranges.MyIp;
import dev.aksh.tunnel.BastionDiscovery;
import java.util.ArrayList;
import java.util.List;

/** Reads the facts {@link Advisor} judges: the cluster's network, Bastions, peerings, private DNS, your IP. */
public final class AdviseService {
    private final NetworkService network;
    private final BastionDiscovery discovery;
    private final PeeringService peering;
    private final PrivateDnsService dns;
    private final MyIp myIp;
    private final dev.aksh.azure.RoleService roles;
    private final java.util.function.Supplier<String> objectId;

    /** @param objectId the signed-in identity's object id (for its roles), or null */
    public AdviseService(NetworkService network, BastionDiscovery discovery, PeeringService peering, PrivateDnsService dns,
            MyIp myIp, dev.aksh.azure.RoleService roles, java.util.function.Supplier<String> objectId) {
        this.roles = roles;
        this.objectId = objectId;
        this.network = network;
        this.discovery = discovery;
        this.peering = peering;
        this.dns = dns;
        this.myIp = myIp;
    }

    public Facts gather(Cluster c) {
        List<String> unreadable = new ArrayList<>();
        String vnetName = null;
        String vnetId = null;
        String subnet = null;
        Vnet vnet = null;
        try {
            vnetId = peering.clusterVnetId(c);
            vnet = network.vnet(vnetId);
            vnetName = vnet.name();
            if (c.nodeSubnetId() != null) {
                subnet = c.nodeSubnetId().substring(c.nodeSubnetId().lastIndexOf('/') + 1);
            }
        } catch (AkshException | ManagementException e) {
            unreadable.add("the cluster's VNet (" + why(e) + ")");
        }
        boolean dnsNone = c.privateCluster() && "none".equalsIgnoreCase(c.privateDnsZone());
        PrivateZone zone = null;
        if (c.privateCluster() && !dnsNone) {
            try {
                zone = dns.read(c);
            } catch (AkshException | ManagementException e) {
                unreadable.add("the private DNS zone (" + why(e) + ")");
            }
        }
        List<Facts.PeerFact> peers = new ArrayList<>();
        if (vnet != null) {
            for (Vnet.Peering p : vnet.peerings()) {
                peers.add(new Facts.PeerFact(p.remoteName(), p.remoteVnetId(), p.state(),
                        zone == null ? null : zone.linkTo(p.remoteVnetId()) != null));
            }
        }
        List<Facts.BastionFact> bastions = new ArrayList<>();
        try {
            BastionDiscovery.Found found = discovery.find(c);
            found.unreadable().forEach(u -> unreadable.add(u));
            boolean needIp = !c.privateCluster() && !c.authorizedIpRanges().isEmpty();
            for (BastionDiscovery.Candidate cand : found.candidates()) {
                Bastion b = cand.bastion();
                String ip = null;
                if (needIp && b.publicIpId() != null) {
                    try {
                        ip = network.publicIpAddress(b.publicIpId());
                    } catch (ManagementException e) {
                        unreadable.add(b.name() + "'s public IP (" + why(e) + ")");
                    }
                }
                bastions.add(new Facts.BastionFact(b.name(), cand.via(), b.unusableBecause(), b.fix(), ip));
            }
        } catch (AkshException | ManagementException e) {
            unreadable.add("Bastions near the cluster (" + why(e) + ")");
        }
        String ip = null;
        if (!c.privateCluster() && !c.authorizedIpRanges().isEmpty()) {
            try {
                ip = myIp.find().ip();
            } catch (MyIp.NotFound e) {
                unreadable.add("this machine's public IP (" + e.getMessage() + ")");
            }
        }
        Facts.DnsFact dnsFact = zone == null ? null : new Facts.DnsFact(zone.name(),
                zone.apiServerRecord() == null || zone.apiServerRecord().addresses().isEmpty() ? null
                        : zone.apiServerRecord().addresses().get(0),
                zone.links().stream().map(PrivateZone.Link::vnetName).toList());
        List<String> held = null;
        try {
            dev.aksh.azure.RoleService.Held h = roles.at(c.id(), objectId.get());
            if (h.readable()) {
                held = h.names();
            } else {
                unreadable.add("your roles on " + c.name() + " (" + h.why() + ")");
            }
        } catch (ManagementException | AkshException e) {
            unreadable.add("your roles on " + c.name() + " (" + why(e) + ")");
        }
        return new Facts(c, vnetName, vnetId, subnet, bastions, peers, dnsFact, dnsNone, ip, held, unreadable);
    }

    private static String why(Exception e) {
        if (e instanceof AkshException a) {
            return a.getMessage();
        }
        ManagementException m = (ManagementException) e;
        int status = m.getResponse() == null ? 0 : m.getResponse().getStatusCode();
        return status == 403 ? "no Reader role" : status == 404 ? "not found" : "ARM " + status;
    }
}
