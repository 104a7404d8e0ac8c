package dev.aksh.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which contexts are production: those whose subscription, cluster or resource group name contains
 * one of the configured patterns (case-insensitive; {@code AKSH_PRODUCTION}, comma-separated,
 * default {@code prod}; empty turns it off). A production context gets a red prompt and a question
 * before anything that changes state.
 */
public final class Production {
    public static final String DEFAULT = "prod";

    private final List<String> patterns;

    public Production(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * {@code AKSH_PRODUCTION} if set (blank: none), else the configuration's patterns if it has
     * any, else the default.
     */
    public static Production of(String envSetting, List<String> configured) {
        if (envSetting == null && configured != null) {
            return fromSetting(String.join(",", configured));
        }
        return fromSetting(envSetting);
    }

    /** From {@code AKSH_PRODUCTION}: null means the default, blank means none. */
    public static Production fromSetting(String setting) {
        String s = setting == null ? DEFAULT : setting;
        List<String> out = new ArrayList<>();
        for (String p : s.split(",")) {
            if (!p.isBlank()) {
                out.add(p.trim().toLowerCase(Locale.ROOT));
            }
        }
        return new Production(out);
    }

    public List<String> patterns() {
        return patterns;
    }

    /** The pattern the context matches, or null. */
    public String match(SessionContext c) {
        List<String> names = new ArrayList<>();
        if (c.subscription() != null) {
            names.add(c.subscription().name());
        }
        if (c.cluster() != null) {
            names.add(c.cluster().name());
            names.add(c.cluster().resourceGroup());
        }
        for (String p : patterns) {
            for (String n : names) {
                if (n != null && n.toLowerCase(Locale.ROOT).contains(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
