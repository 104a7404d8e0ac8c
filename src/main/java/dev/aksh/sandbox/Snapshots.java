package dev.aksh.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aksh.error.AkshException;
import dev.aksh.sandbox.kube.KubeCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sandbox save} and {@code sandbox load}: the sandbox's state in a file. A saved file holds
 * the world it started from and everything since — ARM's documents (ranges, peerings, links…) and
 * each cluster's Kubernetes objects and Helm releases — as JSON. {@code load} takes a saved file or
 * a world file, and tells them apart by the {@code aksh} key.
 */
public final class Snapshots {
    static final String MARK = "sandbox-state";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What a file held: a world, and the saved state on top of it (null for a plain world file). */
    public record Loaded(World world, JsonNode saved) {
    }

    private Snapshots() {
    }

    /**
     * Writes the sandbox's state to {@code file} (replacing it). Refused while a long-running ARM
     * operation is on its way, since a half-applied change cannot be saved faithfully.
     */
    public static void save(FakeAzure sandbox, Path file) {
        if (sandbox.operationsRunning() > 0) {
            throw AkshException.usage("an ARM operation is still running in the sandbox, so its state is between two "
                    + "versions", "wait for it to finish (e.g. 'ranges show'), then save again");
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("aksh", MARK).put("version", VERSION).put("savedAt", Instant.now().toString());
        out.set("world", JSON.valueToTree(sandbox.world()));
        ArmState state = sandbox.state();
        synchronized (state) {
            ArrayNode subs = out.putArray("subscriptions");
            state.subscriptions().forEach(d -> subs.add(d.deepCopy()));
            ArrayNode groups = out.putArray("resourceGroups");
            for (Map.Entry<String, ObjectNode> g : state.resourceGroupEntries()) {
                groups.addObject().put("subscriptionId", g.getKey()).set("document", g.getValue().deepCopy());
            }
            ArrayNode docs = out.putArray("resources");
            state.resources().forEach(d -> docs.add(d.deepCopy()));
            ObjectNode clusters = out.putObject("clusters");
            for (Map.Entry<String, KubeCluster> c : sandbox.kube().made().entrySet()) {
                synchronized (c.getValue()) {
                    clusters.set(c.getKey(), c.getValue().snapshot());
                }
            }
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writeValueAsString(out) + "\n");
        } catch (IOException e) {
            throw AkshException.usage("cannot write " + file + ": " + e.getMessage(), "choose a file in a writable directory");
        }
    }

    /** Reads a saved file or a world file. */
    public static Loaded read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw AkshException.usage("no file " + file, "give a world file or one written by 'sandbox save'");
        } catch (IOException e) {
            throw AkshException.usage("cannot read " + file + ": " + e.getMessage(), null);
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (IOException e) {
            tree = null; // not even YAML: let the world loader say where
        }
        if (tree == null || !MARK.equals(tree.path("aksh").asText())) {
            return new Loaded(WorldLoader.parse(text, file.toString()), null);
        }
        if (tree.path("version").asInt() != VERSION) {
            throw AkshException.usage(file + " was saved by another version of aksh (format " + tree.path("version").asInt()
                    + ", this one reads " + VERSION + ")", "save it again with this version");
        }
        World world = WorldLoader.parse(tree.path("world").toString(), file + " (its world)");
        return new Loaded(world, tree);
    }

    /** Puts saved documents and Kubernetes state in place (callers hold the state's lock; the world is seeded). */
    static void restore(JsonNode saved, ArmState state, KubeClusters kube) {
        List<ObjectNode> subs = new ArrayList<>();
        saved.path("subscriptions").forEach(n -> subs.add((ObjectNode) n.deepCopy()));
        List<Map.Entry<String, ObjectNode>> groups = new ArrayList<>();
        saved.path("resourceGroups").forEach(n -> groups.add(Map.entry(n.path("subscriptionId").asText(),
                (ObjectNode) n.path("document").deepCopy())));
        List<ObjectNode> docs = new ArrayList<>();
        saved.path("resources").forEach(n -> docs.add((ObjectNode) n.deepCopy()));
        state.replaceDocuments(subs, groups, docs);
        saved.path("clusters").fields().forEachRemaining(e -> {
            ObjectNode cluster = state.resource(e.getKey());
            if (cluster != null) {
                kube.restore(cluster, e.getValue());
            }
        });
    }
}
