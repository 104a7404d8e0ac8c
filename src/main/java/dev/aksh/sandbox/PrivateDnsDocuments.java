package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Private DNS as AKS sets it up for a private cluster with {@code privateDNSZone: system}: a zone
 * named after the private FQDN ({@code <guid>.privatelink.<region>.azmk8s.io}) in the node resource
 * group, an A record for the API server's private address, and a link to the cluster's VNet —
 * in the shapes of the privatedns examples. Links can be created (PUT), as in seed 000.
 */
final class PrivateDnsDocuments {
    static final String ZONE_TYPE = "Microsoft.Network/privateDnsZones";
    static final String A_TYPE = "Microsoft.Network/privateDnsZones/A";
    static final String LINK_TYPE = "Microsoft.Network/privateDnsZones/virtualNetworkLinks";

    private PrivateDnsDocuments() {
    }

    static void seed(World world, ArmState state) {
        for (ObjectNode c : state.list("/subscriptions", "Microsoft.ContainerService/managedClusters")) {
            JsonNode p = c.path("properties");
            JsonNode api = p.path("apiServerAccessProfile");
            String fqdn = p.path("privateFQDN").asText("");
            if (!api.path("enablePrivateCluster").asBoolean(false) || fqdn.isEmpty()
                    || !"system".equalsIgnoreCase(api.path("privateDNSZone").asText("system"))) {
                continue;
            }
            String sub = c.get("id").asText().split("/")[2];
            String nrg = p.path("nodeResourceGroup").asText();
            String zoneName = fqdn.substring(fqdn.indexOf('.') + 1);
            String host = fqdn.substring(0, fqdn.indexOf('.'));
            String zoneId = "/subscriptions/" + sub + "/resourceGroups/" + nrg + "/providers/" + ZONE_TYPE + "/"
                    + zoneName;
            String subnetId = p.at("/agentPoolProfiles/0/vnetSubnetID").asText(null);
            if (subnetId == null) {
                // AKS's own VNet in the node resource group
                List<ObjectNode> managed = state.list("/subscriptions/" + sub + "/resourceGroups/" + nrg, NetworkDocuments.VNET_TYPE);
                if (managed.size() == 1 && managed.get(0).at("/properties/subnets").size() > 0) {
                    subnetId = managed.get(0).at("/properties/subnets/0/id").asText();
                }
            }
            String vnetId = subnetId == null ? null : subnetId.substring(0, subnetId.toLowerCase(Locale.ROOT).indexOf("/subnets/"));
            String ip = privateIp(state, vnetId, subnetId);
            state.putResource(zone(zoneId, zoneName, vnetId == null ? 0 : 1));
            state.putResource(aRecord(zoneId, host, ip));
            if (vnetId != null) {
                state.putResource(link(zoneId, ArmDocuments.hash(vnetId.toLowerCase(Locale.ROOT)).substring(0, 12), vnetId));
                for (String peer : dnsLinkedPeers(world, vnetId)) {
                    state.putResource(link(zoneId, "link-" + peer.substring(peer.lastIndexOf('/') + 1), peer));
                    ((ObjectNode) state.resource(zoneId).get("properties")).put("numberOfVirtualNetworkLinks",
                            state.list(zoneId, LINK_TYPE).size());
                }
            }
        }
    }

    /** The VNets a world peers with {@code vnetId} (either side declaring it) and asks to link to its zones. */
    static List<String> dnsLinkedPeers(World world, String vnetId) {
        List<String> out = new java.util.ArrayList<>();
        for (World.SubscriptionSpec s : world.subscriptions()) {
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                for (World.VnetSpec v : g.virtualNetworks()) {
                    String local = "/subscriptions/" + s.id() + "/resourceGroups/" + g.name() + "/providers/"
                            + NetworkDocuments.VNET_TYPE + "/" + v.name();
                    for (World.PeeringSpec p : v.peerings()) {
                        if (!p.linkDns()) {
                            continue;
                        }
                        String remote = p.remote().startsWith("/") ? p.remote() : "/subscriptions/" + s.id()
                                + "/resourceGroups/" + p.remote().split("/")[0] + "/providers/" + NetworkDocuments.VNET_TYPE
                                + "/" + p.remote().split("/")[1];
                        if (remote.equalsIgnoreCase(vnetId)) {
                            out.add(local);
                        } else if (local.equalsIgnoreCase(vnetId)) {
                            out.add(remote);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The API server's private address: the fourth address of the node subnet, as AKS picks it. */
    static String privateIp(ArmState state, String vnetId, String subnetId) {
        ObjectNode vnet = vnetId == null ? null : state.resource(vnetId);
        if (vnet != null) {
            for (JsonNode sn : vnet.path("properties").path("subnets")) {
                if (sn.path("id").asText().equalsIgnoreCase(subnetId)) {
                    String prefix = sn.path("properties").path("addressPrefix").asText();
                    String[] o = prefix.substring(0, prefix.indexOf('/')).split("\\.");
                    return o[0] + "." + o[1] + "." + o[2] + "." + (Integer.parseInt(o[3]) + 4);
                }
            }
        }
        return "10.224.0.4";
    }

    static ObjectNode zone(String id, String name, int links) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("id", id);
        n.put("name", name);
        n.put("type", ZONE_TYPE);
        n.put("etag", ArmDocuments.guid(ArmDocuments.hash(id.toLowerCase(Locale.ROOT)), 5));
        n.put("location", "global");
        ObjectNode p = n.putObject("properties");
        p.put("maxNumberOfRecordSets", 25000);
        p.put("maxNumberOfVirtualNetworkLinks", 1000);
        p.put("maxNumberOfVirtualNetworkLinksWithRegistration", 100);
        p.put("numberOfRecordSets", 2);
        p.put("numberOfVirtualNetworkLinks", links);
        p.put("numberOfVirtualNetworkLinksWithRegistration", 0);
        p.put("provisioningState", "Succeeded");
        return n;
    }

    static ObjectNode aRecord(String zoneId, String host, String ip) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("id", zoneId + "/A/" + host);
        n.put("name", host);
        n.put("type", A_TYPE);
        n.put("etag", ArmDocuments.guid(ArmDocuments.hash(host), 6));
        ObjectNode p = n.putObject("properties");
        p.put("ttl", 300);
        p.put("fqdn", host + "." + zoneId.substring(zoneId.lastIndexOf('/') + 1) + ".");
        p.put("isAutoRegistered", false);
        p.putArray("aRecords").addObject().put("ipv4Address", ip);
        return n;
    }

    static ObjectNode link(String zoneId, String name, String vnetId) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("id", zoneId + "/virtualNetworkLinks/" + name);
        n.put("name", name);
        n.put("type", LINK_TYPE);
        n.put("location", "global");
        n.put("etag", ArmState.newEtag());
        ObjectNode p = n.putObject("properties");
        p.putObject("virtualNetwork").put("id", vnetId);
        p.put("registrationEnabled", false);
        p.put("virtualNetworkLinkState", "Completed");
        p.put("provisioningState", "Succeeded");
        return n;
    }

    static ResourceKind zoneKind() {
        return () -> ZONE_TYPE;
    }

    static ResourceKind recordKind() {
        return () -> A_TYPE;
    }

    /** Links: PUT creates (or updates) one; a VNet can be linked to a zone only once, as in Azure. */
    static ResourceKind linkKind() {
        return new ResourceKind() {
            @Override
            public String type() {
                return LINK_TYPE;
            }

            @Override
            public ArmResponse put(FakeArm.Call call, ResourceId id, ObjectNode body) {
                String zoneId = id.id().substring(0, id.id().toLowerCase(Locale.ROOT).indexOf("/virtualnetworklinks/"));
                ObjectNode zone = call.state().resource(zoneId);
                if (zone == null) {
                    throw new ArmError(404, "ParentResourceNotFound", "Can not perform requested operation on nested resource. "
                            + "Parent resource '" + zoneId.substring(zoneId.lastIndexOf('/') + 1) + "' not found.");
                }
                String vnetId = body.at("/properties/virtualNetwork/id").asText("");
                if (vnetId.isEmpty() || call.state().resource(vnetId) == null) {
                    throw new ArmError(400, "BadRequest", "The virtual network '" + vnetId + "' could not be found.");
                }
                for (ObjectNode other : call.state().list(zoneId, LINK_TYPE)) {
                    if (!other.get("name").asText().equalsIgnoreCase(id.name())
                            && other.at("/properties/virtualNetwork/id").asText().equalsIgnoreCase(vnetId)) {
                        throw new ArmError(409, "Conflict", "A virtual network cannot be linked to the same zone more than "
                                + "once. Virtual network '" + vnetId + "' is already linked as '" + other.get("name").asText()
                                + "'.");
                    }
                }
                boolean existed = call.state().resource(id.id()) != null;
                ObjectNode doc = link(zoneId, id.name(), vnetId);
                ((ObjectNode) doc.get("properties")).put("registrationEnabled",
                        body.at("/properties/registrationEnabled").asBoolean(false));
                call.state().putResource(doc);
                ((ObjectNode) zone.get("properties")).put("numberOfVirtualNetworkLinks", call.state().list(zoneId, LINK_TYPE).size());
                return ArmResponse.of(existed ? 200 : 201, ArmState.copy(doc));
            }
        };
    }

    /** Peerings: PUT creates one, Initiated until the remote VNet peers back, then Connected on both sides. */
    static ResourceKind peeringKind() {
        return new ResourceKind() {
            @Override
            public String type() {
                return NetworkDocuments.PEERING_TYPE;
            }

            @Override
            public ArmResponse put(FakeArm.Call call, ResourceId id, ObjectNode body) {
                String localId = id.id().substring(0, id.id().toLowerCase(Locale.ROOT).indexOf("/virtualnetworkpeerings/"));
                ObjectNode local = call.state().resource(localId);
                if (local == null) {
                    throw ArmError.notFound(NetworkDocuments.VNET_TYPE, localId.substring(localId.lastIndexOf('/') + 1),
                            id.resourceGroup());
                }
                String remoteId = body.at("/properties/remoteVirtualNetwork/id").asText("");
                ObjectNode remote = remoteId.isEmpty() ? null : call.state().resource(remoteId);
                if (remote == null) {
                    throw new ArmError(400, "ReferencedResourceNotProvisioned", "Cannot proceed with operation because "
                            + "resource " + remoteId + " used by resource " + id.id() + " is not in Succeeded state.");
                }
                List<String> overlap = overlaps(local, remote);
                if (!overlap.isEmpty()) {
                    throw new ArmError(400, "VnetAddressSpacesOverlap", "Cannot create or update peering " + id.name()
                            + ". Virtual networks " + localId + " and " + remoteId + " cannot be peered because their "
                            + "address spaces overlap. Overlapping address prefixes: " + String.join(", ", overlap));
                }
                ObjectNode back = null;
                for (ObjectNode p : call.state().list(remoteId, NetworkDocuments.PEERING_TYPE)) {
                    if (p.at("/properties/remoteVirtualNetwork/id").asText().equalsIgnoreCase(localId)) {
                        back = p;
                    }
                }
                boolean existed = call.state().resource(id.id()) != null;
                String state = back != null ? "Connected" : "Initiated";
                ObjectNode doc = NetworkDocuments.peering(local, id.name(), remoteId, remote, state);
                ((ObjectNode) doc.get("properties")).put("allowVirtualNetworkAccess",
                        body.at("/properties/allowVirtualNetworkAccess").asBoolean(true));
                call.state().putResource(doc);
                if (back != null) {
                    ObjectNode p = (ObjectNode) back.get("properties");
                    p.put("peeringState", "Connected");
                    p.put("peeringSyncLevel", "FullyInSync");
                }
                return ArmResponse.of(existed ? 200 : 201, ArmState.copy(doc));
            }
        };
    }

    private static List<String> overlaps(ObjectNode a, ObjectNode b) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode x : a.at("/properties/addressSpace/addressPrefixes")) {
            for (JsonNode y : b.at("/properties/addressSpace/addressPrefixes")) {
                try {
                    dev.aksh.ranges.Cidr cx = dev.aksh.ranges.Cidr.parse(x.asText());
                    dev.aksh.ranges.Cidr cy = dev.aksh.ranges.Cidr.parse(y.asText());
                    if (cx.overlaps(cy)) {
                        out.add(x.asText());
                    }
                } catch (RuntimeException ignored) {
                    // not IPv4: not compared
                }
            }
        }
        return out;
    }
}
