package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The world's networks as ARM documents in the shapes of the network examples: virtual networks
 * with subnets, peerings (a Connected peering gets its mirror on the remote side), Bastion hosts
 * and their public IP addresses. VNets that clusters' node subnets name but the world does not
 * declare are made for them.
 */
final class NetworkDocuments {
    static final String VNET_TYPE = "Microsoft.Network/virtualNetworks";
    static final String PEERING_TYPE = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings";
    static final String BASTION_TYPE = "Microsoft.Network/bastionHosts";
    static final String PIP_TYPE = "Microsoft.Network/publicIPAddresses";

    private NetworkDocuments() {
    }

    static void seed(World world, ArmState state) {
        Map<String, ObjectNode> vnets = new LinkedHashMap<>();
        int[] nextBlock = {10};
        for (World.SubscriptionSpec s : world.subscriptions()) {
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                for (World.VnetSpec v : g.virtualNetworks()) {
                    ObjectNode doc = vnet(s.id(), g, v.name(), v.addressSpace().isEmpty()
                            ? List.of("10." + nextBlock[0]++ + ".0.0/16") : v.addressSpace());
                    for (World.SubnetSpec sn : v.subnets()) {
                        addSubnet(doc, sn.name(), sn.prefix());
                    }
                    vnets.put(key(doc), doc);
                }
            }
        }
        for (World.SubscriptionSpec s : world.subscriptions()) {
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                for (World.ClusterSpec c : g.clusters()) {
                    if (c.subnet() == null) {
                        continue;
                    }
                    String subnetId = ArmDocuments.subnetId(s.id(), g.name(), c.subnet());
                    String vnetId = subnetId.substring(0, subnetId.toLowerCase(Locale.ROOT).indexOf("/subnets/"));
                    String subnetName = subnetId.substring(subnetId.lastIndexOf('/') + 1);
                    ObjectNode doc = vnets.get(vnetId.toLowerCase(Locale.ROOT));
                    if (doc == null) {
                        ResourceId id = parse(vnetId);
                        doc = vnet(id.subscriptionId(), groupOrDefault(world, id), id.name(),
                                List.of("10." + nextBlock[0]++ + ".0.0/16"));
                        vnets.put(key(doc), doc);
                    }
                    if (!hasSubnet(doc, subnetName)) {
                        String block = doc.at("/properties/addressSpace/addressPrefixes/0").asText();
                        addSubnet(doc, subnetName, block.replace(".0.0/16", "." + 4 * doc.at("/properties/subnets").size() + ".0/22"));
                    }
                }
            }
        }
        List<ObjectNode> peerings = new ArrayList<>();
        for (World.SubscriptionSpec s : world.subscriptions()) {
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                for (World.VnetSpec v : g.virtualNetworks()) {
                    ObjectNode local = vnets.get(("/subscriptions/" + s.id() + "/resourceGroups/" + g.name() + "/providers/"
                            + VNET_TYPE + "/" + v.name()).toLowerCase(Locale.ROOT));
                    for (World.PeeringSpec p : v.peerings()) {
                        String remoteId = p.remote().startsWith("/") ? p.remote()
                                : "/subscriptions/" + s.id() + "/resourceGroups/" + p.remote().split("/")[0]
                                        + "/providers/" + VNET_TYPE + "/" + p.remote().split("/")[1];
                        ObjectNode remote = vnets.get(remoteId.toLowerCase(Locale.ROOT));
                        peerings.add(peering(local, p.name(), remoteId, remote, p.state()));
                        if (remote != null && p.state().equals("Connected")) {
                            String back = v.name();
                            peerings.add(peering(remote, "peer-" + back, local.get("id").asText(), local, "Connected"));
                        }
                    }
                }
            }
        }
        peerings.forEach(state::putResource);

        for (World.SubscriptionSpec s : world.subscriptions()) {
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                for (World.BastionSpec b : g.bastions()) {
                    String vnetId = b.vnet().startsWith("/") ? b.vnet() : "/subscriptions/" + s.id() + "/resourceGroups/"
                            + g.name() + "/providers/" + VNET_TYPE + "/" + b.vnet();
                    ObjectNode vnet = vnets.get(vnetId.toLowerCase(Locale.ROOT));
                    if (vnet != null && !hasSubnet(vnet, "AzureBastionSubnet")) {
                        String block = vnet.at("/properties/addressSpace/addressPrefixes/0").asText();
                        addSubnet(vnet, "AzureBastionSubnet", block.replace(".0.0/16", ".255.0/26"));
                    }
                    String pipId = null;
                    if (b.publicIp() != null) {
                        ObjectNode pip = publicIp(s.id(), g, "pip-" + b.name(), b.publicIp());
                        state.putResource(pip);
                        pipId = pip.get("id").asText();
                    }
                    ObjectNode bastion = bastion(s.id(), g, b, vnetId + "/subnets/AzureBastionSubnet", pipId);
                    state.putResource(bastion);
                    if (vnet != null) {
                        // a subnet lists the IP configurations in it: that is how a VNet knows its Bastion
                        for (var sn : vnet.at("/properties/subnets")) {
                            if (sn.path("name").asText().equalsIgnoreCase("AzureBastionSubnet")) {
                                ObjectNode sp = (ObjectNode) sn.get("properties");
                                ArrayNode ipcs = sp.has("ipConfigurations") ? (ArrayNode) sp.get("ipConfigurations")
                                        : sp.putArray("ipConfigurations");
                                ipcs.addObject().put("id", bastion.at("/properties/ipConfigurations/0/id").asText());
                            }
                        }
                    }
                }
            }
        }
        // a cluster with no subnet of its own gets the VNet AKS makes in its node resource group
        for (World.SubscriptionSpec s : world.subscriptions()) {
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                for (World.ClusterSpec c : g.clusters()) {
                    if (c.subnet() != null) {
                        continue;
                    }
                    ObjectNode cluster = state.resource(ArmDocuments.clusterId(s.id(), g.name(), c.name()));
                    String nrg = cluster.at("/properties/nodeResourceGroup").asText();
                    String prefix = ("/subscriptions/" + s.id() + "/resourceGroups/" + nrg + "/").toLowerCase(Locale.ROOT);
                    if (vnets.keySet().stream().anyMatch(k -> k.startsWith(prefix))) {
                        continue; // the world says what is there
                    }
                    String name = "aks-vnet-" + Long.parseLong(ArmDocuments.hash(cluster.get("id").asText()
                            .toLowerCase(Locale.ROOT)).substring(0, 7), 16) % 100_000_000L;
                    ObjectNode doc = vnet(s.id(), new World.ResourceGroupSpec(nrg, cluster.get("location").asText(), null, null,
                            null, null), name, List.of("10.224.0.0/12"));
                    addSubnet(doc, "aks-subnet", "10.224.0.0/16");
                    vnets.put(key(doc), doc);
                }
            }
        }
        vnets.values().forEach(state::putResource);

        // each cluster's load balancer sends from a public IP in its node resource group
        for (World.SubscriptionSpec s : world.subscriptions()) {
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                for (World.ClusterSpec c : g.clusters()) {
                    ObjectNode cluster = state.resource(ArmDocuments.clusterId(s.id(), g.name(), c.name()));
                    String pipId = cluster.at("/properties/networkProfile/loadBalancerProfile/effectiveOutboundIPs/0/id")
                            .asText(null);
                    if (pipId == null || state.resource(pipId) != null) {
                        continue;
                    }
                    ResourceId id = parse(pipId);
                    String address = c.outboundIp() != null ? c.outboundIp() : madeUpPublicIp(pipId);
                    state.putResource(publicIp(s.id(), new World.ResourceGroupSpec(id.resourceGroup(),
                            cluster.get("location").asText(), null, null, null, null), id.name(), address));
                }
            }
        }
    }

    /** A stable public-looking address for a resource: 20.x.y.z, never in a reserved block. */
    static String madeUpPublicIp(String id) {
        String h = ArmDocuments.hash(id.toLowerCase(Locale.ROOT));
        int a = Integer.parseInt(h.substring(0, 2), 16);
        int b = Integer.parseInt(h.substring(2, 4), 16);
        int c = Integer.parseInt(h.substring(4, 6), 16) % 254 + 1;
        return "20." + (a % 200 + 40) + "." + b + "." + c;
    }

    private static World.ResourceGroupSpec groupOrDefault(World world, ResourceId id) {
        for (World.SubscriptionSpec s : world.subscriptions()) {
            if (s.id().equalsIgnoreCase(id.subscriptionId())) {
                for (World.ResourceGroupSpec g : s.resourceGroups()) {
                    if (g.name().equalsIgnoreCase(id.resourceGroup())) {
                        return g;
                    }
                }
            }
        }
        return new World.ResourceGroupSpec(id.resourceGroup(), null, null, null, null, null);
    }

    static ObjectNode vnet(String sub, World.ResourceGroupSpec g, String name, List<String> prefixes) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("name", name);
        n.put("type", VNET_TYPE);
        n.put("id", "/subscriptions/" + sub + "/resourceGroups/" + g.name() + "/providers/" + VNET_TYPE + "/" + name);
        n.put("etag", "W/\"" + ArmDocuments.guid(ArmDocuments.hash(name), 9) + "\"");
        n.put("location", g.location());
        ObjectNode p = n.putObject("properties");
        ArrayNode a = p.putObject("addressSpace").putArray("addressPrefixes");
        prefixes.forEach(a::add);
        p.put("provisioningState", "Succeeded");
        p.put("resourceGuid", ArmDocuments.guid(ArmDocuments.hash(n.get("id").asText()), 7));
        p.putArray("subnets");
        p.putArray("virtualNetworkPeerings");
        return n;
    }

    static void addSubnet(ObjectNode vnet, String name, String prefix) {
        ObjectNode sn = ((ArrayNode) vnet.at("/properties/subnets")).addObject();
        sn.put("name", name);
        sn.put("id", vnet.get("id").asText() + "/subnets/" + name);
        sn.put("type", "Microsoft.Network/virtualNetworks/subnets");
        ObjectNode p = sn.putObject("properties");
        p.put("addressPrefix", prefix);
        p.put("provisioningState", "Succeeded");
    }

    static boolean hasSubnet(ObjectNode vnet, String name) {
        for (var sn : vnet.at("/properties/subnets")) {
            if (sn.path("name").asText().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    static ObjectNode peering(ObjectNode local, String name, String remoteId, ObjectNode remote, String state) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("name", name);
        n.put("id", local.get("id").asText() + "/virtualNetworkPeerings/" + name);
        n.put("type", PEERING_TYPE);
        n.put("etag", "W/\"" + ArmDocuments.guid(ArmDocuments.hash(n.get("id").asText()), 3) + "\"");
        ObjectNode p = n.putObject("properties");
        p.put("allowForwardedTraffic", false);
        p.put("allowGatewayTransit", false);
        p.put("allowVirtualNetworkAccess", true);
        p.put("peeringState", state);
        p.put("peeringSyncLevel", state.equals("Connected") ? "FullyInSync" : "RemoteNotInSync");
        p.put("provisioningState", "Succeeded");
        if (remote != null) {
            p.set("remoteAddressSpace", remote.at("/properties/addressSpace").deepCopy());
            p.set("remoteVirtualNetworkAddressSpace", remote.at("/properties/addressSpace").deepCopy());
        }
        p.putObject("remoteVirtualNetwork").put("id", remoteId);
        p.put("useRemoteGateways", false);
        return n;
    }

    static ObjectNode publicIp(String sub, World.ResourceGroupSpec g, String name, String address) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("name", name);
        n.put("id", "/subscriptions/" + sub + "/resourceGroups/" + g.name() + "/providers/" + PIP_TYPE + "/" + name);
        n.put("type", PIP_TYPE);
        n.put("location", g.location());
        n.putObject("sku").put("name", "Standard").put("tier", "Regional");
        ObjectNode p = n.putObject("properties");
        p.put("ipAddress", address);
        p.put("publicIPAddressVersion", "IPv4");
        p.put("publicIPAllocationMethod", "Static");
        p.put("idleTimeoutInMinutes", 4);
        p.put("provisioningState", "Succeeded");
        return n;
    }

    static ObjectNode bastion(String sub, World.ResourceGroupSpec g, World.BastionSpec b, String subnetId, String pipId) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("name", b.name());
        n.put("type", BASTION_TYPE);
        n.put("etag", "W/\"" + ArmDocuments.guid(ArmDocuments.hash(b.name()), 5) + "\"");
        String id = "/subscriptions/" + sub + "/resourceGroups/" + g.name() + "/providers/" + BASTION_TYPE + "/" + b.name();
        n.put("id", id);
        n.put("location", g.location());
        ObjectNode p = n.putObject("properties");
        p.put("disableCopyPaste", false);
        p.put("dnsName", "bst-" + ArmDocuments.guid(ArmDocuments.hash(id), 11) + ".bastion.azure.com");
        p.put("enableIpConnect", false);
        p.put("enableKerberos", false);
        p.put("enablePrivateOnlyBastion", pipId == null);
        p.put("enableSessionRecording", false);
        p.put("enableShareableLink", false);
        p.put("enableTunneling", b.tunneling());
        ObjectNode ipc = p.putArray("ipConfigurations").addObject();
        ipc.put("name", "bastionHostIpConfiguration");
        ipc.put("type", "Microsoft.Network/bastionHosts/bastionHostIpConfigurations");
        ipc.put("id", id + "/bastionHostIpConfigurations/bastionHostIpConfiguration");
        ObjectNode ip = ipc.putObject("properties");
        ip.put("privateIPAllocationMethod", "Dynamic");
        ip.put("provisioningState", "Succeeded");
        if (pipId != null) {
            ip.putObject("publicIPAddress").put("id", pipId);
        }
        ip.putObject("subnet").put("id", subnetId);
        p.put("provisioningState", "Succeeded");
        p.put("scaleUnits", b.scaleUnits());
        n.putObject("sku").put("name", b.sku());
        n.putObject("tags");
        n.putArray("zones");
        return n;
    }

    private static String key(ObjectNode doc) {
        return doc.get("id").asText().toLowerCase(Locale.ROOT);
    }

    static ResourceId parse(String id) {
        String[] p = id.substring(1).split("/");
        return new ResourceId(id, p[1], p[3], p[5] + "/" + p[6], p[p.length - 1]);
    }

    /** The VNet kind: a GET shows the VNet's current peerings inline, as ARM does. */
    static ResourceKind vnetKind() {
        return new ResourceKind() {
            @Override
            public String type() {
                return VNET_TYPE;
            }

            @Override
            public ArmResponse get(FakeArm.Call call, ResourceId id) {
                ArmResponse r = ResourceKind.super.get(call, id);
                ((ObjectNode) r.body().get("properties")).set("virtualNetworkPeerings",
                        ArmState.JSON.valueToTree(call.state().list(id.id(), PEERING_TYPE)));
                return r;
            }
        };
    }

    static ResourceKind simpleKind(String type) {
        return () -> type;
    }
}
