package dev.aksh.azure;

import com.azure.core.management.SubResource;
import com.azure.resourcemanager.network.fluent.models.BastionHostInner;
import com.azure.resourcemanager.network.fluent.models.IpConfigurationInner;
import com.azure.resourcemanager.network.fluent.models.PublicIpAddressInner;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkInner;
import com.azure.resourcemanager.network.fluent.models.VirtualNetworkPeeringInner;
import com.azure.resourcemanager.network.models.BastionHostIpConfiguration;
import dev.aksh.error.AkshException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads what network routes depend on: Bastion hosts, virtual networks and their peerings, public IPs. */
public final class NetworkService {
    static final String BASTION_TYPE = "Microsoft.Network/bastionHosts";
    static final String VNET_TYPE = "Microsoft.Network/virtualNetworks";
    static final String PIP_TYPE = "Microsoft.Network/publicIPAddresses";

    private final AzureClients clients;

    public NetworkService(AzureClients clients) {
        this.clients = clients;
    }

    /** A Bastion by resource id. */
    public Bastion bastion(String id) {
        ArmId a = require(id, BASTION_TYPE, "a Bastion host");
        return toBastion(clients.network(a.subscriptionId()).getBastionHosts().getByResourceGroup(a.resourceGroup(), a.name()),
                a.subscriptionId());
    }

    /** The Bastions of a resource group. */
    public List<Bastion> bastionsIn(String subscriptionId, String resourceGroup) {
        List<Bastion> out = new ArrayList<>();
        for (BastionHostInner b : clients.network(subscriptionId).getBastionHosts().listByResourceGroup(resourceGroup)) {
            out.add(toBastion(b, subscriptionId));
        }
        return out;
    }

    /** The Bastions of a subscription. */
    public List<Bastion> bastions(String subscriptionId) {
        List<Bastion> out = new ArrayList<>();
        for (BastionHostInner b : clients.network(subscriptionId).getBastionHosts().list()) {
            out.add(toBastion(b, subscriptionId));
        }
        return out;
    }

    /** A virtual network by resource id, with its peerings and the Bastions in its AzureBastionSubnet. */
    public Vnet vnet(String id) {
        ArmId a = require(id, VNET_TYPE, "a virtual network");
        return toVnet(clients.network(a.subscriptionId()).getVirtualNetworks().getByResourceGroup(a.resourceGroup(), a.name()),
                a.subscriptionId());
    }

    /** The address of a public IP address resource, or null while it has none. */
    public String publicIpAddress(String id) {
        ArmId a = require(id, PIP_TYPE, "a public IP address");
        PublicIpAddressInner pip = clients.network(a.subscriptionId()).getPublicIpAddresses()
                .getByResourceGroup(a.resourceGroup(), a.name());
        return pip.ipAddress();
    }

    private static ArmId require(String id, String type, String what) {
        ArmId a = ArmId.parse(id);
        if (a == null || !a.is(type)) {
            throw AkshException.usage("'" + id + "' is not the resource id of " + what,
                    "give /subscriptions/…/providers/" + type + "/NAME, or a name");
        }
        return a;
    }

    /** Maps the ARM resource; public so contract tests can map the official examples. */
    public static Bastion toBastion(BastionHostInner b, String subscriptionId) {
        ArmId a = ArmId.parse(b.id());
        String vnet = null;
        String pip = null;
        if (b.ipConfigurations() != null && !b.ipConfigurations().isEmpty()) {
            BastionHostIpConfiguration ipc = b.ipConfigurations().get(0);
            vnet = ipc.subnet() == null ? null : ArmId.vnetOfSubnet(ipc.subnet().id());
            pip = ipc.publicIpAddress() == null ? null : ipc.publicIpAddress().id();
        }
        if (vnet == null && b.virtualNetwork() != null) {
            vnet = b.virtualNetwork().id();
        }
        return new Bastion(b.id(), b.name(), a == null ? null : a.resourceGroup(),
                a == null ? subscriptionId : a.subscriptionId(),
                b.sku() == null || b.sku().name() == null ? "Standard" : b.sku().name().toString(),
                Boolean.TRUE.equals(b.enableTunneling()), b.dnsName(), vnet, pip,
                b.provisioningState() == null ? null : b.provisioningState().toString());
    }

    /** Maps the ARM resource; public so contract tests can map the official examples. */
    public static Vnet toVnet(VirtualNetworkInner v, String subscriptionId) {
        List<String> bastions = new ArrayList<>();
        if (v.subnets() != null) {
            for (SubnetInner s : v.subnets()) {
                if (!"AzureBastionSubnet".equalsIgnoreCase(s.name()) || s.ipConfigurations() == null) {
                    continue;
                }
                for (IpConfigurationInner ipc : s.ipConfigurations()) {
                    String owner = bastionOf(ipc.id());
                    if (owner != null && bastions.stream().noneMatch(x -> x.equalsIgnoreCase(owner))) {
                        bastions.add(owner);
                    }
                }
            }
        }
        List<Vnet.Peering> peerings = new ArrayList<>();
        if (v.virtualNetworkPeerings() != null) {
            for (VirtualNetworkPeeringInner p : v.virtualNetworkPeerings()) {
                SubResource remote = p.remoteVirtualNetwork();
                peerings.add(new Vnet.Peering(p.name(), remote == null ? null : remote.id(),
                        p.peeringState() == null ? null : p.peeringState().toString()));
            }
        }
        List<String> space = v.addressSpace() == null || v.addressSpace().addressPrefixes() == null ? List.of()
                : List.copyOf(v.addressSpace().addressPrefixes());
        ArmId a = ArmId.parse(v.id());
        return new Vnet(v.id(), v.name(), a == null ? subscriptionId : a.subscriptionId(), space, bastions, peerings);
    }

    /** {@code …/bastionHosts/B/bastionHostIpConfigurations/C} → {@code …/bastionHosts/B}; null for other owners. */
    static String bastionOf(String ipConfigurationId) {
        if (ipConfigurationId == null) {
            return null;
        }
        int i = ipConfigurationId.toLowerCase(Locale.ROOT).indexOf("/bastionhostipconfigurations/");
        if (i < 0 || !ipConfigurationId.toLowerCase(Locale.ROOT).contains("/providers/microsoft.network/bastionhosts/")) {
            return null;
        }
        return ipConfigurationId.substring(0, i);
    }
}
