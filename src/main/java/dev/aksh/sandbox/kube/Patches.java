package dev.aksh.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * PATCH bodies as the API server applies them: JSON merge patch (RFC 7386), strategic merge patch
 * (as a merge patch whose lists of named items merge by name, with kubectl's {@code $} directives
 * ignored), server-side apply (as a merge), and JSON patch (RFC 6902 add/replace/remove).
 */
final class Patches {
    private Patches() {
    }

    static ObjectNode apply(ObjectNode current, byte[] body, String contentType) {
        JsonNode patch;
        try {
            patch = contentType.contains("yaml") ? FakeKubectl.YAML_READER.readTree(body) : KubeCluster.JSON.readTree(body);
        } catch (IOException e) {
            throw new KubeError(400, "BadRequest", "the patch cannot be read: " + e.getMessage());
        }
        ObjectNode result = current.deepCopy();
        if (contentType.contains("json-patch")) {
            for (JsonNode op : patch) {
                jsonPatch(result, op);
            }
            return result;
        }
        merge(result, patch, contentType.contains("strategic"));
        return result;
    }

    private static void merge(ObjectNode target, JsonNode patch, boolean strategic) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (k.startsWith("$")) {
                continue;
            }
            if (v.isNull()) {
                target.remove(k);
            } else if (v.isObject() && target.get(k) != null && target.get(k).isObject()) {
                merge((ObjectNode) target.get(k), v, strategic);
            } else if (strategic && v.isArray() && target.get(k) != null && target.get(k).isArray() && namedItems(v)) {
                ArrayNode merged = (ArrayNode) target.get(k);
                for (JsonNode item : v) {
                    ObjectNode match = null;
                    for (JsonNode t : merged) {
                        if (t.path("name").equals(item.path("name"))) {
                            match = (ObjectNode) t;
                        }
                    }
                    if (match != null) {
                        merge(match, item, true);
                    } else {
                        merged.add(item.deepCopy());
                    }
                }
            } else {
                target.set(k, v.deepCopy());
            }
        }
    }

    private static boolean namedItems(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return !array.isEmpty();
    }

    private static void jsonPatch(ObjectNode doc, JsonNode op) {
        String path = op.path("path").asText();
        int slash = path.lastIndexOf('/');
        String parentPath = path.substring(0, slash);
        String key = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        JsonNode parent = parentPath.isEmpty() ? doc : doc.at(parentPath);
        switch (op.path("op").asText()) {
            case "add", "replace" -> {
                if (parent instanceof ObjectNode o) {
                    o.set(key, op.get("value").deepCopy());
                } else if (parent instanceof ArrayNode a) {
                    if (key.equals("-")) {
                        a.add(op.get("value").deepCopy());
                    } else if (op.path("op").asText().equals("add")) {
                        a.insert(Integer.parseInt(key), op.get("value").deepCopy());
                    } else {
                        a.set(Integer.parseInt(key), op.get("value").deepCopy());
                    }
                } else {
                    throw new KubeError(422, "Invalid", "the JSON patch path " + path + " does not exist");
                }
            }
            case "remove" -> {
                if (parent instanceof ObjectNode o) {
                    o.remove(key);
                } else if (parent instanceof ArrayNode a) {
                    a.remove(Integer.parseInt(key));
                }
            }
            default -> throw new KubeError(422, "Invalid", "the sandbox supports JSON patch add, replace and remove");
        }
    }
}
