package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Bastion hosts of the world, each a {@link FakeBastion} listening on loopback. Its ARM
 * document's {@code dnsName} is where it listens ({@code 127.0.0.1:PORT}), so clients reach it
 * the way they reach a real one: through the dnsName ARM gives them.
 */
public final class BastionHosts implements AutoCloseable {
    private final ArmState state;
    private final KubeApiServers apiServers;
    private final ApiServerFirewall firewall;
    private final Map<String, FakeBastion> hosts = new ConcurrentHashMap<>();
    private final TokenVerifier armTokens = TokenVerifier.forArm();

    private final Activity activity;

    BastionHosts(ArmState state, KubeApiServers apiServers, ApiServerFirewall firewall, Activity activity) {
        this.activity = activity;
        this.state = state;
        this.apiServers = apiServers;
        this.firewall = firewall;
    }

    /** Starts a host for every Bastion in the state and points its dnsName at it. */
    void startAll(CertificateAuthority ca) {
        synchronized (state) {
            for (ObjectNode s : state.subscriptions()) {
                for (ObjectNode b : state.list("/subscriptions/" + s.get("subscriptionId").asText(), NetworkDocuments.BASTION_TYPE)) {
                    start(b, ca);
                }
            }
        }
    }

    private void start(ObjectNode bastion, CertificateAuthority ca) {
        String id = bastion.get("id").asText();
        try {
            FakeBastion host = new FakeBastion(bastion.get("name").asText(),
                    ca.issue(List.of("localhost"), List.of("127.0.0.1")).serverContext(), new Policy(id)).start();
            hosts.put(id.toLowerCase(Locale.ROOT), host);
            ((ObjectNode) bastion.get("properties")).put("dnsName", host.endpoint());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host of a Bastion (by resource id), or null. */
    public FakeBastion host(String bastionId) {
        return hosts.get(bastionId.toLowerCase(Locale.ROOT));
    }

    /** Every host's tunnels opened from now on drop after {@code bytes} (-1: never). */
    public void dropTunnelsAfter(long bytes) {
        hosts.values().forEach(h -> h.dropTunnelsAfter(bytes));
    }

    /** Live sessions on every host: zero when no tunnel leaked. */
    public int liveSessions() {
        return hosts.values().stream().mapToInt(FakeBastion::liveSessions).sum();
    }

    @Override
    public void close() {
        hosts.values().forEach(FakeBastion::close);
        hosts.clear();
    }

    /** What one Bastion may reach, decided from the state as the network would. */
    private final class Policy implements FakeBastion.Policy {
        private final String bastionId;

        Policy(String bastionId) {
            this.bastionId = bastionId;
        }

        @Override
        public ObjectNode authorize(String resourceId, String protocol, String port, String armToken) {
            try {
                armTokens.verify("Bearer " + (armToken == null ? "" : armToken));
            } catch (ArmError e) {
                throw new FakeBastion.BastionRefusal(401, "The Azure token is missing or invalid: " + e.getMessage());
            }
            if (!"tcptunnel".equals(protocol)) {
                throw new FakeBastion.BastionRefusal(400, "Unsupported protocol '" + protocol + "'.");
            }
            synchronized (state) {
                ObjectNode bastion = state.resource(bastionId);
                JsonNode bp = bastion.path("properties");
                String sku = bastion.path("sku").path("name").asText("Standard");
                if (!(sku.equals("Standard") || sku.equals("Premium")) || !bp.path("enableTunneling").asBoolean(false)) {
                    throw new FakeBastion.BastionRefusal(400, "Native client support is not enabled on this Bastion "
                            + "(SKU " + sku + ", enableTunneling " + bp.path("enableTunneling").asBoolean(false) + ").");
                }
                ObjectNode cluster = resourceId == null ? null : state.resource(resourceId);
                if (cluster == null || !ArmDocuments.CLUSTER_TYPE.equalsIgnoreCase(cluster.path("type").asText())) {
                    throw new FakeBastion.BastionRefusal(404, "The target resource '" + resourceId + "' was not found.");
                }
                JsonNode p = cluster.path("properties");
                if (!"443".equals(port)) {
                    throw new FakeBastion.BastionRefusal(400, "Managed clusters are reached on port 443.");
                }
                if ("Automatic".equalsIgnoreCase(cluster.path("sku").path("name").asText())
                        || "ReadOnly".equalsIgnoreCase(p.path("nodeResourceGroupProfile").path("restrictionLevel").asText())) {
                    throw new FakeBastion.BastionRefusal(400, "Bastion does not support AKS Automatic clusters or clusters "
                            + "with network resource group lockdown.");
                }
                JsonNode api = p.path("apiServerAccessProfile");
                if (api.path("enablePrivateCluster").asBoolean(false) && !api.path("enablePrivateClusterPublicFQDN").asBoolean(false)) {
                    throw new FakeBastion.BastionRefusal(400, "Bastion does not support private clusters with the "
                            + "public FQDN disabled.");
                }
                if (!reachable(bastion, cluster)) {
                    throw new FakeBastion.BastionRefusal(403, "The target is not reachable from this Bastion's virtual "
                            + "network: it is neither in the same virtual network nor in a peered one.");
                }
                String clusterId = cluster.get("id").asText();
                activity.record(seq -> new Activity.TunnelOpened(seq, java.time.Instant.now(), clusterId, bastionId));
                return cluster;
            }
        }

        @Override
        public boolean apiServerAccepts(ObjectNode cluster) {
            synchronized (state) {
                ObjectNode now = state.resource(cluster.get("id").asText());
                JsonNode api = now.path("properties").path("apiServerAccessProfile");
                if (api.path("enablePrivateCluster").asBoolean(false)) {
                    return true; // through the cluster's private endpoint, which ranges do not govern
                }
                String ip = publicIp(state.resource(bastionId));
                return ip == null ? firewall.effectiveRanges(now).isEmpty() : firewall.admitsFromInternet(now, ip);
            }
        }

        @Override
        public int apiServerPort(ObjectNode cluster) {
            return apiServers.of(cluster).port();
        }

        private boolean reachable(ObjectNode bastion, ObjectNode cluster) {
            String subnet = bastion.at("/properties/ipConfigurations/0/properties/subnet/id").asText("");
            String bastionVnet = vnetOf(subnet);
            String clusterSubnet = cluster.at("/properties/agentPoolProfiles/0/vnetSubnetID").asText("");
            if (clusterSubnet.isEmpty()) {
                String nodeRg = cluster.at("/properties/nodeResourceGroup").asText("");
                return bastion.get("id").asText().toLowerCase(Locale.ROOT).contains("/resourcegroups/"
                        + nodeRg.toLowerCase(Locale.ROOT) + "/");
            }
            String clusterVnet = vnetOf(clusterSubnet);
            if (bastionVnet.equalsIgnoreCase(clusterVnet)) {
                return true;
            }
            return connected(bastionVnet, clusterVnet) && connected(clusterVnet, bastionVnet);
        }

        private boolean connected(String from, String to) {
            for (ObjectNode p : state.list(from, NetworkDocuments.PEERING_TYPE)) {
                if (p.at("/properties/remoteVirtualNetwork/id").asText().equalsIgnoreCase(to)
                        && "Connected".equals(p.at("/properties/peeringState").asText())) {
                    return true;
                }
            }
            return false;
        }
    }

    static String vnetOf(String subnetId) {
        int i = subnetId.toLowerCase(Locale.ROOT).indexOf("/subnets/");
        return i < 0 ? subnetId : subnetId.substring(0, i);
    }

    /** The public IP address of a Bastion, or null for a private-only one. */
    String publicIp(ObjectNode bastion) {
        String pipId = bastion.at("/properties/ipConfigurations/0/properties/publicIPAddress/id").asText(null);
        if (pipId == null) {
            return null;
        }
        ObjectNode pip = state.resource(pipId);
        return pip == null ? null : pip.at("/properties/ipAddress").asText(null);
    }
}
