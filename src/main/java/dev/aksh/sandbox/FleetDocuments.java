package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Fleets and their members as ARM documents in the shapes of the Fleet examples, and the hub
 * cluster's FQDN in Fleet's {@code .flt.} zone; {@code listCredentials} answers the hub's kubeconfig.
 */
final class FleetDocuments {
    static final String FLEET_TYPE = "Microsoft.ContainerService/fleets";
    static final String MEMBER_TYPE = "Microsoft.ContainerService/fleets/members";

    private FleetDocuments() {
    }

    static String fleetId(String sub, String rg, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/" + FLEET_TYPE + "/" + name;
    }

    static void seed(World world, ArmState state) {
        for (World.SubscriptionSpec s : world.subscriptions()) {
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                for (World.FleetSpec f : g.fleets()) {
                    String id = fleetId(s.id(), g.name(), f.name());
                    String hash = ArmDocuments.hash(id.toLowerCase(Locale.ROOT));
                    String hubRg = FleetWorlds.hubResourceGroup(g.name(), f.name(), g.location());
                    ObjectNode hub = state.resource(ArmDocuments.clusterId(s.id(), hubRg, "hub"));
                    String fqdn = f.name() + "-" + hash.substring(0, 8) + ".flt." + g.location() + ".azmk8s.io";
                    ((ObjectNode) hub.get("properties")).put("fqdn", fqdn);
                    hub.withObject("/tags").put("fleet", id);
                    state.putResource(fleet(id, f, g, hub, fqdn, hash));
                    int n = 0;
                    for (World.MemberSpec m : f.members()) {
                        state.putResource(member(id, s.id(), m, ++n));
                    }
                }
            }
        }
    }

    static ObjectNode fleet(String id, World.FleetSpec f, World.ResourceGroupSpec g, ObjectNode hub, String fqdn, String hash) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.putObject("tags");
        n.put("location", g.location());
        ObjectNode p = n.putObject("properties");
        ObjectNode hp = p.putObject("hubProfile");
        hp.put("dnsPrefix", f.name());
        JsonNode subnet = hub.at("/properties/agentPoolProfiles/0/vnetSubnetID");
        ObjectNode agent = hp.putObject("agentProfile").put("vmSize", "Standard_D4s_v4");
        if (subnet.isTextual()) {
            agent.put("subnetId", subnet.asText());
        }
        ObjectNode api = hp.putObject("apiServerAccessProfile");
        api.put("enablePrivateCluster", f.privateHub());
        api.put("enableVnetIntegration", false);
        hp.put("fqdn", fqdn);
        hp.put("kubernetesVersion", hub.at("/properties/kubernetesVersion").asText());
        hp.put("portalFqdn", f.name() + "-" + hash.substring(0, 8) + ".portal.flt." + g.location() + ".azmk8s.io");
        p.put("provisioningState", "Succeeded");
        p.putObject("status").put("lastOperationId", ArmDocuments.guid(hash, 4));
        n.put("eTag", ArmState.newEtag());
        n.putObject("identity").put("principalId", ArmDocuments.guid(hash, 5)).put("tenantId", ArmDocuments.guid(hash, 6))
                .put("type", "None");
        n.put("id", id);
        n.put("name", f.name());
        n.put("type", FLEET_TYPE);
        return n;
    }

    static ObjectNode member(String fleetId, String sub, World.MemberSpec m, int index) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("id", fleetId + "/members/" + m.name());
        n.put("name", m.name());
        n.put("type", MEMBER_TYPE);
        n.put("eTag", ArmState.newEtag());
        ObjectNode p = n.putObject("properties");
        String cluster = m.cluster().startsWith("/") ? m.cluster()
                : ArmDocuments.clusterId(sub, m.cluster().split("/")[0], m.cluster().split("/")[1]);
        p.put("clusterResourceId", cluster);
        if (m.group() != null) {
            p.put("group", m.group());
        }
        p.put("provisioningState", m.error() == null ? "Succeeded" : "Failed");
        ObjectNode labels = p.putObject("labels");
        labels.put("fleet.azure.com/member-name", m.name());
        labels.put("fleet.azure.com/cluster-name", cluster.substring(cluster.lastIndexOf('/') + 1));
        if (m.group() != null) {
            labels.put("env", m.group());
        }
        ObjectNode status = p.putObject("status");
        status.put("lastOperationId", ArmDocuments.guid(ArmDocuments.hash(fleetId + m.name()), index % 7));
        if (m.error() != null) {
            int colon = m.error().indexOf(':');
            status.putObject("lastOperationError")
                    .put("code", colon > 0 ? m.error().substring(0, colon).trim() : "MemberJoinFailed")
                    .put("message", colon > 0 ? m.error().substring(colon + 1).trim() : m.error());
        }
        return n;
    }

    /** Fleets: GET and list from the store; {@code listCredentials} answers the hub's kubeconfig. */
    static ResourceKind fleetKind(ClusterCredentials credentials) {
        return new ResourceKind() {
            @Override
            public String type() {
                return FLEET_TYPE;
            }

            @Override
            public ArmResponse action(FakeArm.Call call, ResourceId id, String action, JsonNode body) {
                if (!action.equalsIgnoreCase("listCredentials")) {
                    return ResourceKind.super.action(call, id, action, body);
                }
                ObjectNode fleet = call.state().resource(id.id());
                if (fleet == null) {
                    throw ArmError.notFound(type(), id.name(), id.resourceGroup());
                }
                String hubRg = FleetWorlds.hubResourceGroup(id.resourceGroup(), id.name(), fleet.get("location").asText());
                ObjectNode hub = call.state().resource(ArmDocuments.clusterId(id.subscriptionId(), hubRg, "hub"));
                if (hub == null) {
                    throw new ArmError(400, "BadRequest", "Fleet '" + id.name() + "' has no hub cluster, so it has no credentials.");
                }
                return credentials.list(hub, new ResourceId(hub.get("id").asText(), id.subscriptionId(), hubRg,
                        ArmDocuments.CLUSTER_TYPE, "hub"), false, null);
            }
        };
    }

    static ResourceKind memberKind() {
        return () -> MEMBER_TYPE;
    }

    /** Members' documents of a fleet, for other parts of the fake. */
    static ArrayNode members(ArmState state, String fleetId) {
        ArrayNode a = ArmState.JSON.createArrayNode();
        state.list(fleetId, MEMBER_TYPE).forEach(a::add);
        return a;
    }
}
