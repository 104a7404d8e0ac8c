package dev.aksh.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The official ARM examples (copied from ../shared/arm-examples into test resources). */
final class ArmExamples {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The AKS examples whose responses carry managed clusters. */
    static final List<String> CLUSTER_EXAMPLES = List.of(
            "aks/2026-08-01/ManagedClustersGet.json",
            "aks/2026-08-01/ManagedClustersList.json",
            "aks/2026-08-01/ManagedClustersListByResourceGroup.json",
            "aks/2026-08-01/ManagedClustersCreate_PrivateClusterFQDNSubdomain.json",
            "aks/2026-08-01/ManagedClustersCreate_PrivateClusterPublicFQDN.json",
            "aks/2026-08-01/ManagedClustersCreate_DisableRunCommand.json",
            "aks/2026-08-01/ManagedClustersCreate_Update.json",
            "aks/2026-08-01/ManagedClustersUpdateTags.json");

    private ArmExamples() {
    }

    static JsonNode read(String path) {
        try (InputStream in = ArmExamples.class.getResourceAsStream("/arm-examples/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing example " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every managed cluster in an example's 200/201 response bodies (single objects or {value:[...]}). */
    static List<ObjectNode> clusters(String path) {
        List<ObjectNode> out = new ArrayList<>();
        JsonNode responses = read(path).get("responses");
        for (String status : new String[] {"200", "201"}) {
            JsonNode body = responses.path(status).path("body");
            if (body.has("value")) {
                body.get("value").forEach(v -> out.add((ObjectNode) v));
            } else if (body.has("properties") && body.has("id")) {
                out.add((ObjectNode) body);
            }
        }
        return out;
    }

    /** The JSON key paths of a document, arrays collapsed: {@code properties.agentPoolProfiles[].name}. */
    static Set<String> paths(JsonNode n) {
        Set<String> out = new TreeSet<>();
        collect(n, "", out);
        return out;
    }

    private static void collect(JsonNode n, String prefix, Set<String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(p);
                collect(e.getValue(), p, out);
            }
        } else if (n.isArray()) {
            for (JsonNode v : n) {
                collect(v, prefix + "[]", out);
            }
        }
    }
}
