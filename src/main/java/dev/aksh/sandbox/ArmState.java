package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the fake ARM holds: subscriptions, resource groups, and resources as ARM JSON
 * documents keyed by resource id (compared case-insensitively, as ARM does). Callers synchronize on
 * the state for every read-modify-write.
 */
public final class ArmState {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile World world;
    private final Map<String, ObjectNode> subscriptions = new LinkedHashMap<>();
    private final Map<String, ObjectNode> resourceGroups = new TreeMap<>();
    private final TreeMap<String, ObjectNode> resources = new TreeMap<>();
    private final Map<String, World.ClusterSpec> clusterSpecs = new java.util.HashMap<>();

    public ArmState(World world) {
        reseed(world);
    }

    /** Forgets everything and holds what {@code world} describes (callers synchronize on the state). */
    void reseed(World world) {
        subscriptions.clear();
        resourceGroups.clear();
        resources.clear();
        clusterSpecs.clear();
        this.world = FleetWorlds.expand(world);
        ArmDocuments.seed(this.world, this);
        NetworkDocuments.seed(this.world, this);
        FleetDocuments.seed(this.world, this);
        PrivateDnsDocuments.seed(this.world, this);
    }

    /** Every resource document, in id order (for saving the state). */
    List<ObjectNode> resources() {
        return new ArrayList<>(resources.values());
    }

    /** Resource groups with the subscription each belongs to, as {@code subscriptionId -> document} pairs. */
    List<Map.Entry<String, ObjectNode>> resourceGroupEntries() {
        List<Map.Entry<String, ObjectNode>> out = new ArrayList<>();
        resourceGroups.forEach((k, v) -> out.add(Map.entry(k.substring(0, k.indexOf('/')), v)));
        return out;
    }

    /** Replaces subscriptions, resource groups and resources with saved ones (the world's cluster descriptions stay). */
    void replaceDocuments(List<ObjectNode> subs, List<Map.Entry<String, ObjectNode>> groups, List<ObjectNode> docs) {
        subscriptions.clear();
        resourceGroups.clear();
        resources.clear();
        subs.forEach(this::putSubscription);
        groups.forEach(g -> putResourceGroup(g.getKey(), g.getValue()));
        docs.forEach(this::putResource);
    }

    public World world() {
        return world;
    }

    // ---- subscriptions and resource groups ----

    /** Stores a subscription document as ARM returns it (the world does this; so can contract tests). */
    public void putSubscription(ObjectNode doc) {
        subscriptions.put(key(doc.get("subscriptionId").asText()), doc);
    }

    public List<ObjectNode> subscriptions() {
        return new ArrayList<>(subscriptions.values());
    }

    public ObjectNode subscription(String id) {
        return subscriptions.get(key(id));
    }

    void putResourceGroup(String subscriptionId, ObjectNode doc) {
        resourceGroups.put(key(subscriptionId) + "/" + key(doc.get("name").asText()), doc);
    }

    public ObjectNode resourceGroup(String subscriptionId, String name) {
        return resourceGroups.get(key(subscriptionId) + "/" + key(name));
    }

    public List<ObjectNode> resourceGroups(String subscriptionId) {
        String prefix = key(subscriptionId) + "/";
        List<ObjectNode> out = new ArrayList<>();
        resourceGroups.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.add(v);
            }
        });
        return out;
    }

    /** Remembers the world's description of a cluster, for what runs inside it. */
    void describeCluster(String id, World.ClusterSpec spec) {
        clusterSpecs.put(key(id), spec);
    }

    /** The world's description of a cluster, or a default one for clusters that came from elsewhere. */
    public World.ClusterSpec clusterSpec(String id, String name) {
        World.ClusterSpec s = clusterSpecs.get(key(id));
        return s != null ? s : WorldLoader.defaultClusterSpec(name);
    }

    // ---- resources ----

    public ObjectNode resource(String id) {
        return resources.get(key(id));
    }

    public void putResource(ObjectNode doc) {
        resources.put(key(doc.get("id").asText()), doc);
    }

    public ObjectNode removeResource(String id) {
        return resources.remove(key(id));
    }

    /**
     * Resources of a type under a scope: a subscription ({@code /subscriptions/S}), a resource group
     * ({@code /subscriptions/S/resourceGroups/RG}) or a parent resource (for child types).
     *
     * @param type the full type, such as {@code Microsoft.ContainerService/managedClusters}
     */
    public List<ObjectNode> list(String scope, String type) {
        String prefix = key(scope) + "/";
        String t = key(type);
        List<ObjectNode> out = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : resources.tailMap(prefix).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (t.equals(key(e.getValue().path("type").asText()))) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** A new opaque entity tag. */
    public static String newEtag() {
        char[] c = new char[8];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) ('a' + RANDOM.nextInt(26));
        }
        return new String(c);
    }

    /** A new operation or command id: 32 hex digits, no dashes (clients parse it as {@code \w+}). */
    public static String newId() {
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return sb.toString();
    }

    static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** A deep copy, so callers cannot change stored documents by accident. */
    public static ObjectNode copy(JsonNode n) {
        return (ObjectNode) n.deepCopy();
    }
}
