package dev.aksh.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Label selectors as kubectl's {@code -l}: {@code k=v}, {@code k==v}, {@code k!=v}, {@code k}, {@code !k}, comma-separated. */
public final class Labels {
    private record Term(String key, String op, String value) {
    }

    private final List<Term> terms;

    private Labels(List<Term> terms) {
        this.terms = terms;
    }

    public static Labels parse(String selector) {
        List<Term> terms = new ArrayList<>();
        if (selector == null || selector.isBlank()) {
            return new Labels(terms);
        }
        for (String raw : selector.split(",")) {
            String t = raw.trim();
            if (t.startsWith("!")) {
                terms.add(new Term(t.substring(1), "!", null));
            } else if (t.contains("!=")) {
                terms.add(new Term(t.substring(0, t.indexOf("!=")).trim(), "!=", t.substring(t.indexOf("!=") + 2).trim()));
            } else if (t.contains("==")) {
                terms.add(new Term(t.substring(0, t.indexOf("==")).trim(), "=", t.substring(t.indexOf("==") + 2).trim()));
            } else if (t.contains("=")) {
                terms.add(new Term(t.substring(0, t.indexOf('=')).trim(), "=", t.substring(t.indexOf('=') + 1).trim()));
            } else {
                terms.add(new Term(t, "exists", null));
            }
        }
        return new Labels(terms);
    }

    public boolean matches(JsonNode object) {
        Map<String, String> labels = of(object);
        for (Term t : terms) {
            String v = labels.get(t.key());
            boolean ok = switch (t.op()) {
                case "=" -> t.value().equals(v);
                case "!=" -> !t.value().equals(v);
                case "!" -> v == null;
                default -> v != null;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The labels of an object, sorted by key. */
    public static Map<String, String> of(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        JsonNode l = object.path("metadata").path("labels");
        for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** Whether {@code selector} (a matchLabels-style map) selects {@code object}. */
    public static boolean selects(JsonNode matchLabels, JsonNode object) {
        if (matchLabels == null || !matchLabels.isObject() || matchLabels.isEmpty()) {
            return false;
        }
        Map<String, String> labels = of(object);
        for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
