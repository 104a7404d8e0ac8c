package dev.aksh.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of kubectl's {@code -o jsonpath} that scripts use most: {@code {.a.b}}, {@code [*]},
 * {@code [N]}, several expressions and literal text between them. Results are space-separated.
 */
final class JsonPath {
    private JsonPath() {
    }

    static String evaluate(String template, JsonNode doc) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.append(template.substring(i));
                break;
            }
            out.append(template, i, open);
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("error parsing jsonpath " + template + ", unclosed action");
            }
            List<JsonNode> values = select(template.substring(open + 1, close).trim(), doc);
            List<String> texts = new ArrayList<>();
            for (JsonNode v : values) {
                texts.add(v.isValueNode() ? v.asText() : v.toString());
            }
            out.append(String.join(" ", texts));
            i = close + 1;
        }
        return out.toString();
    }

    private static List<JsonNode> select(String expr, JsonNode doc) {
        if (!expr.startsWith(".") && !expr.startsWith("$")) {
            throw new IllegalArgumentException("error parsing jsonpath {" + expr + "}: the sandbox supports field paths "
                    + "like {.items[*].metadata.name}");
        }
        String path = expr.startsWith("$") ? expr.substring(1) : expr;
        List<JsonNode> current = List.of(doc);
        for (String part : path.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            String field = part;
            String index = null;
            int b = part.indexOf('[');
            if (b >= 0) {
                field = part.substring(0, b);
                index = part.substring(b + 1, part.indexOf(']'));
            }
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : current) {
                JsonNode v = field.isEmpty() ? n : n.get(field);
                if (v == null) {
                    continue;
                }
                if (index == null) {
                    next.add(v);
                } else if (index.equals("*")) {
                    v.forEach(next::add);
                } else {
                    JsonNode e = v.get(Integer.parseInt(index));
                    if (e != null) {
                        next.add(e);
                    }
                }
            }
            current = next;
        }
        return current;
    }
}
