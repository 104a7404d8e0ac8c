package dev.aksh.render;

import dev.aksh.error.AkshException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The {@code -o} formats every command that shows data accepts. */
public enum OutputFormat {
    TABLE, JSON, YAML, TSV;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(OutputFormat::label).toList();
    }

    public static OutputFormat parse(String s) {
        if (s == null || s.isBlank()) {
            return TABLE;
        }
        for (OutputFormat f : values()) {
            if (f.label().equalsIgnoreCase(s.trim())) {
                return f;
            }
        }
        throw AkshException.usage("unknown output format '" + s + "'", "use one of: " + String.join(", ", labels()));
    }
}
