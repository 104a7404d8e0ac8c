package dev.aksh.network;

import com.azure.core.management.SubResource;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.privatedns.fluent.PrivateDnsManagementClient;
import com.azure.resourcemanager.privatedns.fluent.models.PrivateZoneInner;
import com.azure.resourcemanager.privatedns.fluent.models.RecordSetInner;
import com.azure.resourcemanager.privatedns.fluent.models.VirtualNetworkLinkInner;
import com.azure.resourcemanager.privatedns.models.ARecord;
import com.azure.resourcemanager.privatedns.models.RecordType;
import dev.aksh.azure.ArmId;
import dev.aksh.azure.AzureClients;
import dev.aksh.azure.Cluster;
import dev.aksh.error.AkshException;
import java.util.ArrayList;
import java.util.List;

/**
 * A private cluster's private DNS zone, read and linked with the private DNS SDK over the shared
 * pipeline. AKS makes the zone in the node resource group ({@code privateDNSZone: system}) named
 * after the private FQDN, or uses the zone the cluster names (a resource id); with {@code none} the
 * name is in public DNS and there is no zone to link.
 */
public final class PrivateDnsService {
    static final String ZONE_TYPE = "Microsoft.Network/privateDnsZones";

    private final AzureClients clients;

    public PrivateDnsService(AzureClients clients) {
        this.clients = clients;
    }

    /** Where the zone of {@code c} is: subscription, resource group, name. */
    public static ArmId zoneOf(Cluster c) {
        if (!c.privateCluster()) {
            throw AkshException.refused(c.name() + " is a public cluster: its API server's name is in public DNS",
                    "private DNS zones belong to private clusters; 'cluster show' says how this one is reached");
        }
        String mode = c.privateDnsZone() == null ? "system" : c.privateDnsZone();
        if (mode.equalsIgnoreCase("none")) {
            throw AkshException.notFound(c.name() + " has no private DNS zone (privateDNSZone none): its private FQDN is "
                    + "published in public DNS and resolves to the private address", "nothing to link; a VNet reaches it "
                    + "through peering alone");
        }
        if (mode.startsWith("/")) {
            ArmId a = ArmId.parse(mode);
            if (a == null || !a.is(ZONE_TYPE)) {
                throw AkshException.remote(c.name() + " names a private DNS zone that is not one: " + mode, "check the "
                        + "cluster's apiServerAccessProfile.privateDNSZone");
            }
            return a;
        }
        String fqdn = c.privateFqdn();
        if (fqdn == null || fqdn.indexOf('.') < 0) {
            throw AkshException.remote(c.name() + " has no private FQDN yet", "it may still be provisioning; retry shortly");
        }
        String zone = fqdn.substring(fqdn.indexOf('.') + 1);
        return new ArmId("/subscriptions/" + c.subscriptionId() + "/resourceGroups/" + c.nodeResourceGroup() + "/providers/"
                + ZONE_TYPE + "/" + zone, c.subscriptionId(), c.nodeResourceGroup(), ZONE_TYPE, zone);
    }

    /** The zone, its A records and its VNet links. */
    public PrivateZone read(Cluster c) {
        ArmId z = zoneOf(c);
        PrivateDnsManagementClient dns = clients.privateDns(z.subscriptionId());
        PrivateZoneInner zone;
        try {
            zone = dns.getPrivateZones().getByResourceGroup(z.resourceGroup(), z.name());
        } catch (ManagementException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            if (status == 404) {
                throw AkshException.notFound("no private DNS zone " + z.name() + " in " + z.resourceGroup(),
                        "AKS makes it with the cluster; if it was deleted, the cluster's name no longer resolves anywhere");
            }
            if (status == 403) {
                throw AkshException.auth("no Reader role on the private DNS zone " + z.name() + " (resource group "
                        + z.resourceGroup() + ")", "ask for Reader on the node resource group or the zone");
            }
            throw e;
        }
        List<PrivateZone.Record> records = new ArrayList<>();
        for (RecordSetInner r : dns.getRecordSets().listByType(z.resourceGroup(), z.name(), RecordType.A)) {
            List<String> ips = new ArrayList<>();
            if (r.aRecords() != null) {
                for (ARecord a : r.aRecords()) {
                    ips.add(a.ipv4Address());
                }
            }
            records.add(new PrivateZone.Record(r.name(), r.fqdn(), ips));
        }
        List<PrivateZone.Link> links = new ArrayList<>();
        for (VirtualNetworkLinkInner l : dns.getVirtualNetworkLinks().list(z.resourceGroup(), z.name())) {
            links.add(toLink(l));
        }
        String host = c.privateFqdn() == null ? null : c.privateFqdn().substring(0, c.privateFqdn().indexOf('.'));
        PrivateZone.Record api = records.stream().filter(r -> r.name().equalsIgnoreCase(host)).findFirst().orElse(null);
        return new PrivateZone(zone.id(), zone.name(), z.resourceGroup(), z.subscriptionId(), records, links, api);
    }

    /** Links {@code vnetId} to the zone (registration off) under {@code name}; returns the link as Azure has it. */
    public PrivateZone.Link link(PrivateZone zone, String name, String vnetId) {
        VirtualNetworkLinkInner body = new VirtualNetworkLinkInner().withVirtualNetwork(new SubResource().withId(vnetId))
                .withRegistrationEnabled(false);
        body.withLocation("global");
        return toLink(clients.privateDns(zone.subscriptionId()).getVirtualNetworkLinks()
                .createOrUpdate(zone.resourceGroup(), zone.name(), name, body));
    }

    /** Maps the ARM resource; public so contract tests can map the official examples. */
    public static PrivateZone.Link toLink(VirtualNetworkLinkInner l) {
        return new PrivateZone.Link(l.name(), l.virtualNetwork() == null ? null : l.virtualNetwork().id(),
                Boolean.TRUE.equals(l.registrationEnabled()),
                l.virtualNetworkLinkState() == null ? null : l.virtualNetworkLinkState().toString());
    }
}
