package dev.aksh.shell;

import dev.aksh.error.AkshException;
import dev.aksh.render.OutputFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A parsed and validated call of a command, as its handler sees it.
 */
public final class Invocation {
    private final CommandSpec spec;
    private final Map<String, List<String>> options;
    private final List<String> args;
    private int status;

    public Invocation(CommandSpec spec, Map<String, List<String>> options, List<String> args) {
        this.spec = spec;
        this.options = Map.copyOf(options);
        this.args = List.copyOf(args);
    }

    public CommandSpec spec() {
        return spec;
    }

    public List<String> args() {
        return args;
    }

    /** The positional argument at {@code index}, or null. */
    public String arg(int index) {
        return index < args.size() ? args.get(index) : null;
    }

    /** The value of a (single-valued) option, or null. */
    public String option(String longName) {
        List<String> v = options.get(longName);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    public String option(String longName, String fallback) {
        String v = option(longName);
        return v == null ? fallback : v;
    }

    /** All values of a repeatable option, in the order given. */
    public List<String> values(String longName) {
        return options.getOrDefault(longName, List.of());
    }

    public boolean flag(String longName) {
        String v = option(longName);
        return v != null && !v.equalsIgnoreCase("false");
    }

    public boolean has(String longName) {
        return options.containsKey(longName);
    }

    public Map<String, List<String>> options() {
        return options;
    }

    public OutputFormat output() {
        return OutputFormat.parse(option("output"));
    }

    public int intOption(String longName, int fallback, int min, int max) {
        String v = option(longName);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw AkshException.usage("--" + longName + " must be a whole number from " + min + " to " + max
                    + ", not '" + v + "'", "see 'help " + spec.name() + "'");
        }
    }

    public Duration durationOption(String longName, Duration fallback) {
        String v = option(longName);
        if (v == null) {
            return fallback;
        }
        return Durations.parse(v, "--" + longName);
    }

    /**
     * The exit status for a run that completed but must report a status of its own (the remote exit
     * code of {@code invoke}); 0 unless set.
     */
    public int status() {
        return status;
    }

    public void status(int status) {
        this.status = status;
    }
}
