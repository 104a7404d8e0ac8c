package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Builds ARM JSON documents from the world's readable description, in the shapes of the official
 * examples (../shared/arm-examples, copied under src/test/resources/arm-examples): the same field
 * names, nesting and spelling ({@code privateFQDN}, {@code authorizedIPRanges}, {@code eTag}).
 *
 * <p>Names derived from a cluster (FQDNs, node resource group) are a function of its coordinates,
 * so they are the same on every run.
 */
final class ArmDocuments {
    static final String CLUSTER_TYPE = "Microsoft.ContainerService/managedClusters";

    private ArmDocuments() {
    }

    static void seed(World world, ArmState state) {
        for (World.SubscriptionSpec s : world.subscriptions()) {
            state.putSubscription(subscription(s, world.tenant().id()));
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                state.putResourceGroup(s.id(), resourceGroup(s.id(), g));
                for (World.ClusterSpec c : g.clusters()) {
                    ObjectNode doc = cluster(world, s.id(), g, c);
                    state.putResource(doc);
                    state.describeCluster(doc.get("id").asText(), c);
                }
            }
            for (World.ResourceGroupSpec g : s.resourceGroups()) {
                for (World.ClusterSpec c : g.clusters()) {
                    ObjectNode cluster = state.resource(clusterId(s.id(), g.name(), c.name()));
                    String nodeRg = cluster.at("/properties/nodeResourceGroup").asText();
                    if (state.resourceGroup(s.id(), nodeRg) == null) {
                        ObjectNode rg = resourceGroup(s.id(), new World.ResourceGroupSpec(nodeRg,
                                cluster.get("location").asText(), null, null, null, null));
                        rg.put("managedBy", cluster.get("id").asText());
                        state.putResourceGroup(s.id(), rg);
                    }
                }
            }
        }
    }

    static String clusterId(String subscriptionId, String resourceGroup, String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + "/providers/" + CLUSTER_TYPE
                + "/" + name;
    }

    static ObjectNode subscription(World.SubscriptionSpec s, String tenantId) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("authorizationSource", "RoleBased");
        n.put("displayName", s.name());
        n.put("id", "/subscriptions/" + s.id());
        n.putArray("managedByTenants");
        n.put("state", s.state());
        n.put("subscriptionId", s.id());
        ObjectNode pol = n.putObject("subscriptionPolicies");
        pol.put("locationPlacementId", "Public_2014-09-01");
        pol.put("quotaId", "PayAsYouGo_2014-09-01");
        pol.put("spendingLimit", "Off");
        n.putObject("tags");
        n.put("tenantId", tenantId);
        return n;
    }

    static ObjectNode resourceGroup(String subscriptionId, World.ResourceGroupSpec g) {
        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("id", "/subscriptions/" + subscriptionId + "/resourceGroups/" + g.name());
        n.put("name", g.name());
        n.put("type", "Microsoft.Resources/resourceGroups");
        n.put("location", g.location());
        ObjectNode tags = n.putObject("tags");
        g.tags().forEach(tags::put);
        n.putObject("properties").put("provisioningState", "Succeeded");
        return n;
    }

    static ObjectNode cluster(World world, String subscriptionId, World.ResourceGroupSpec g, World.ClusterSpec c) {
        String location = c.location() != null ? c.location() : g.location();
        String id = clusterId(subscriptionId, g.name(), c.name());
        String hash = hash(id.toLowerCase(java.util.Locale.ROOT));
        String dnsPrefix = c.name() + "-dns";
        String host = dnsPrefix + "-" + hash.substring(0, 8);
        String nodeRg = "MC_" + g.name() + "_" + c.name() + "_" + location;
        String version = c.kubernetesVersion();

        ObjectNode n = ArmState.JSON.createObjectNode();
        n.put("id", id);
        n.put("name", c.name());
        n.put("type", CLUSTER_TYPE);
        n.put("location", location);
        n.put("eTag", ArmState.newEtag());
        ObjectNode tags = n.putObject("tags");
        c.tags().forEach(tags::put);
        n.putObject("sku").put("name", c.sku()).put("tier", c.tier());
        n.putObject("identity").put("type", "SystemAssigned")
                .put("principalId", guid(hash, 1)).put("tenantId", world.tenant().id());

        ObjectNode p = n.putObject("properties");
        p.put("provisioningState", c.provisioningState());
        p.putObject("powerState").put("code", c.powerState());
        p.put("kubernetesVersion", version);
        p.put("currentKubernetesVersion", version);
        p.put("dnsPrefix", dnsPrefix);
        if (!c.privateCluster() || c.publicFqdn()) {
            p.put("fqdn", host + ".hcp." + location + ".azmk8s.io");
        }
        if (c.privateCluster()) {
            p.put("privateFQDN", host + "." + guid(hash, 2) + ".privatelink." + location + ".azmk8s.io");
        }
        p.put("azurePortalFQDN", host + ".portal.hcp." + location + ".azmk8s.io");

        ArrayNode pools = p.putArray("agentPoolProfiles");
        ObjectNode pool = pools.addObject();
        pool.put("name", "system");
        pool.put("count", c.nodes());
        pool.put("vmSize", "Standard_D4ds_v5");
        pool.put("osType", "Linux");
        pool.put("osSKU", "AzureLinux");
        pool.put("mode", "System");
        pool.put("type", "VirtualMachineScaleSets");
        pool.put("maxPods", 110);
        pool.put("orchestratorVersion", version);
        pool.put("currentOrchestratorVersion", version);
        pool.put("nodeImageVersion", "AKSAzureLinux-V3gen2-202511.04.0");
        pool.put("provisioningState", "Succeeded");
        pool.putObject("powerState").put("code", c.powerState());
        pool.put("eTag", ArmState.newEtag());
        pool.putArray("availabilityZones").add("1").add("2").add("3");
        if (c.subnet() != null) {
            pool.put("vnetSubnetID", subnetId(subscriptionId, g.name(), c.subnet()));
        }

        p.putObject("servicePrincipalProfile").put("clientId", "msi");
        // a managed-identity cluster's kubelet identity, in the node resource group, as AKS reports it
        String kubelet = hash(subscriptionId + "/" + g.name() + "/" + c.name() + "/kubelet");
        p.putObject("identityProfile").putObject("kubeletidentity")
                .put("resourceId", "/subscriptions/" + subscriptionId + "/resourcegroups/" + nodeRg
                        + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + c.name() + "-agentpool")
                .put("clientId", guid(kubelet, 1))
                .put("objectId", guid(kubelet, 2));
        p.put("nodeResourceGroup", nodeRg);
        p.putObject("nodeResourceGroupProfile")
                .put("restrictionLevel", c.nodeResourceGroupLockdown() ? "ReadOnly" : "Unrestricted");
        p.put("enableRBAC", true);
        if (c.aad()) {
            p.putObject("aadProfile").put("managed", true).put("enableAzureRBAC", true)
                    .put("tenantID", world.tenant().id());
        }
        p.put("disableLocalAccounts", c.aad() && "Automatic".equals(c.sku()));
        p.put("maxAgentPools", 100);
        p.put("supportPlan", "KubernetesOfficial");

        ObjectNode net = p.putObject("networkProfile");
        net.put("networkPlugin", "azure");
        net.put("networkPluginMode", "overlay");
        net.put("networkPolicy", "cilium");
        net.put("networkDataplane", "cilium");
        net.put("podCidr", "10.244.0.0/16");
        net.put("serviceCidr", "10.0.0.0/16");
        net.put("dnsServiceIP", "10.0.0.10");
        net.put("outboundType", "loadBalancer");
        net.put("loadBalancerSku", c.loadBalancerSku());
        net.putArray("ipFamilies").add("IPv4");
        ObjectNode lb = net.putObject("loadBalancerProfile");
        lb.putObject("managedOutboundIPs").put("count", 1);
        lb.putArray("effectiveOutboundIPs").addObject().put("id", "/subscriptions/" + subscriptionId
                + "/resourceGroups/" + nodeRg + "/providers/Microsoft.Network/publicIPAddresses/" + guid(hash, 3));
        lb.put("allocatedOutboundPorts", 0);
        lb.put("idleTimeoutInMinutes", 30);

        ObjectNode api = p.putObject("apiServerAccessProfile");
        if (c.privateCluster()) {
            api.put("enablePrivateCluster", true);
            api.put("privateDNSZone", "system");
            api.put("enablePrivateClusterPublicFQDN", c.publicFqdn());
        } else {
            api.put("enablePrivateCluster", false);
        }
        if (!c.authorizedIpRanges().isEmpty()) {
            ArrayNode r = api.putArray("authorizedIPRanges");
            c.authorizedIpRanges().forEach(r::add);
        }
        api.put("disableRunCommand", !c.runCommand());
        if (c.apiServerVnetIntegration()) {
            api.put("enableVnetIntegration", true);
        }
        return n;
    }

    static String subnetId(String subscriptionId, String resourceGroup, String subnet) {
        if (subnet.startsWith("/")) {
            return subnet;
        }
        String[] vs = subnet.split("/", 2);
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Network/virtualNetworks/" + vs[0] + "/subnets/" + (vs.length > 1 ? vs[1] : "default");
    }

    static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GUID-shaped string derived from a hash, so derived ids are stable. */
    static String guid(String hash, int salt) {
        String h = hash(hash + ":" + salt);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
                + "-" + h.substring(20, 32);
    }

}
