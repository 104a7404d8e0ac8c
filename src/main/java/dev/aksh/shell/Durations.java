package dev.aksh.shell;

import dev.aksh.error.AkshException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as operators write them: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 500ms}, or bare seconds. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {
    }

    public static Duration parse(String text, String what) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (s.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(s));
            }
            Matcher m = PART.matcher(s);
            long millis = 0;
            int pos = 0;
            while (m.find()) {
                if (m.start() != pos) {
                    throw new IllegalArgumentException();
                }
                double n = Double.parseDouble(m.group(1));
                millis += switch (m.group(2)) {
                    case "ms" -> (long) n;
                    case "s" -> (long) (n * 1000);
                    case "m" -> (long) (n * 60_000);
                    default -> (long) (n * 3_600_000);
                };
                pos = m.end();
            }
            if (pos != s.length() || pos == 0 || millis <= 0) {
                throw new IllegalArgumentException();
            }
            return Duration.ofMillis(millis);
        } catch (IllegalArgumentException e) {
            throw AkshException.usage(what + " takes a duration such as 90s, 10m or 1h30m, not '" + text + "'", null);
        }
    }

    /** {@code 1m05s}, {@code 4.2s}, {@code 850ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
