package dev.aksh.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The operator's settings, {@code config.json} beside the context file, written by hand:
 * {@code {"readOnlyClusters": ["aks-payments", "/subscriptions/…/managedClusters/aks-x"],
 * "production": ["prod", "live"]}}. Clusters listed are always read-only; production patterns
 * apply unless {@code AKSH_PRODUCTION} says otherwise. A broken file is reported and ignored.
 *
 * @param production the patterns, or null when the file does not say
 */
public record AkshConfig(List<String> readOnlyClusters, List<String> production) {
    public static final String FILE = "config.json";

    public AkshConfig {
        readOnlyClusters = readOnlyClusters == null ? List.of() : List.copyOf(readOnlyClusters);
        production = production == null ? null : List.copyOf(production);
    }

    public static AkshConfig load(Path dir, Consumer<String> warnings) {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return new AkshConfig(List.of(), null);
        }
        try {
            JsonNode n = new ObjectMapper().readTree(Files.readAllBytes(f));
            return new AkshConfig(strings(n.path("readOnlyClusters")), n.has("production") ? strings(n.path("production")) : null);
        } catch (IOException | RuntimeException e) {
            warnings.accept(f + " is not valid JSON and was ignored: " + e.getMessage().lines().findFirst().orElse(""));
            return new AkshConfig(List.of(), null);
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(v -> {
            if (v.isTextual() && !v.asText().isBlank()) {
                out.add(v.asText().trim());
            }
        });
        return out;
    }

    /** Whether the config makes {@code c} read-only (by name, RG/NAME or resource id). */
    public boolean readOnly(ClusterRef c) {
        if (c == null) {
            return false;
        }
        for (String s : readOnlyClusters) {
            String l = s.toLowerCase(Locale.ROOT);
            if (l.equals(c.name().toLowerCase(Locale.ROOT)) || l.equals((c.resourceGroup() + "/" + c.name()).toLowerCase(Locale.ROOT))
                    || l.equals(c.id().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
