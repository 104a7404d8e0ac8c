package dev.aksh.shell;

import dev.aksh.render.OutputFormat;
import dev.aksh.render.Result;
import dev.aksh.shell.completion.ValueCompleter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One command, declared: its words, what it takes, what it does to the world, how it is explained,
 * and the handler that runs it. The parser, help, completion, read-only mode and the generated
 * shell completion scripts all read this one declaration.
 */
public final class CommandSpec {

    /** The function that runs a command: unpack the invocation, call one service, return a result. */
    @FunctionalInterface
    public interface Handler {
        Result run(Invocation invocation) throws Exception;
    }

    /** An example for help: the command line and what it does. */
    public record Example(String line, String explanation) {
    }

    /** The {@code -o} option shared by every command that shows data. */
    public static final OptionSpec OUTPUT = OptionSpec.value("output", 'o', "FORMAT",
            "output format: table (default), json, yaml or tsv", ValueCompleter.of(OutputFormat.labels()));

    private final String name;
    private final List<String> words;
    private final String group;
    private final String summary;
    private final String description;
    private final List<ArgSpec> args;
    private final List<OptionSpec> options;
    private final Safety safety;
    private final java.util.function.Function<Invocation, String> mutation;
    private final boolean asksFirst;
    private final List<Example> examples;
    private final Handler handler;
    private final boolean interactiveOnly;
    private final String usageHint;

    private CommandSpec(Builder b) {
        this.name = b.name;
        this.words = List.of(b.name.split(" "));
        this.group = b.group;
        this.summary = b.summary;
        this.description = b.description;
        this.args = List.copyOf(b.args);
        List<OptionSpec> opts = new ArrayList<>(b.options);
        if (b.output) {
            opts.add(OUTPUT);
        }
        this.options = List.copyOf(opts);
        this.safety = b.safety;
        this.mutation = b.mutation;
        this.asksFirst = b.asksFirst;
        this.examples = List.copyOf(b.examples);
        this.handler = Objects.requireNonNull(b.handler, "handler of " + b.name);
        this.interactiveOnly = b.interactiveOnly;
        this.usageHint = b.usageHint;
    }

    public static Builder command(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public List<String> words() {
        return words;
    }

    public String group() {
        return group;
    }

    public String summary() {
        return summary;
    }

    public String description() {
        return description;
    }

    public List<ArgSpec> args() {
        return args;
    }

    public List<OptionSpec> options() {
        return options;
    }

    public Safety safety() {
        return safety;
    }

    /**
     * What this invocation would change, for commands whose effect depends on their arguments
     * ({@code invoke "kubectl apply …"}): a short description, or null when it only reads.
     */
    public String mutation(Invocation inv) {
        return mutation == null ? null : mutation.apply(inv);
    }

    public List<Example> examples() {
        return examples;
    }

    public Handler handler() {
        return handler;
    }

    /** Whether the command asks its own question before changing anything (after showing what would change). */
    public boolean asksFirst() {
        return asksFirst;
    }

    public boolean interactiveOnly() {
        return interactiveOnly;
    }

    /** What to tell an operator whose arguments did not parse, when the usage line is not the best help. */
    public String usageHint() {
        return usageHint != null ? usageHint : "usage: " + usage();
    }

    public boolean takesOutput() {
        return options.contains(OUTPUT);
    }

    public OptionSpec option(String longName) {
        for (OptionSpec o : options) {
            if (o.longName().equals(longName)) {
                return o;
            }
        }
        return null;
    }

    public OptionSpec shortOption(char c) {
        for (OptionSpec o : options) {
            if (o.shortName() == c) {
                return o;
            }
        }
        return null;
    }

    /** The one-line usage: {@code cluster use NAME [-g RG]}. */
    public String usage() {
        StringBuilder sb = new StringBuilder(name);
        for (ArgSpec a : args) {
            sb.append(' ').append(a.usage());
        }
        for (OptionSpec o : options) {
            String u = o.usage() + (o.repeatable() ? "..." : "");
            sb.append(' ').append(o.required() ? u : "[" + u + "]");
        }
        return sb.toString();
    }

    public static final class Builder {
        private final String name;
        private String group = "Other";
        private String summary = "";
        private String description;
        private final List<ArgSpec> args = new ArrayList<>();
        private final List<OptionSpec> options = new ArrayList<>();
        private Safety safety = Safety.READ;
        private java.util.function.Function<Invocation, String> mutation;
        private boolean asksFirst;
        private final List<Example> examples = new ArrayList<>();
        private Handler handler;
        private boolean output;
        private boolean interactiveOnly;
        private String usageHint;

        private Builder(String name) {
            this.name = name.trim().replaceAll("\\s+", " ");
        }

        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder arg(String name, String description, ValueCompleter completer) {
            args.add(new ArgSpec(name, description, true, false, completer));
            return this;
        }

        public Builder optionalArg(String name, String description, ValueCompleter completer) {
            args.add(new ArgSpec(name, description, false, false, completer));
            return this;
        }

        public Builder variadicArg(String name, String description, boolean required, ValueCompleter completer) {
            args.add(new ArgSpec(name, description, required, true, completer));
            return this;
        }

        public Builder option(OptionSpec option) {
            options.add(option);
            return this;
        }

        /** Accepts {@code -o table|json|yaml|tsv}. */
        public Builder output() {
            this.output = true;
            return this;
        }

        /** How to tell, from the arguments, what an invocation would change (null: it only reads). */
        public Builder mutation(java.util.function.Function<Invocation, String> mutation) {
            this.mutation = mutation;
            return this;
        }

        public Builder safety(Safety safety) {
            this.safety = safety;
            return this;
        }

        public Builder example(String line, String explanation) {
            examples.add(new Example(line, explanation));
            return this;
        }

        /** Replaces "usage: …" in argument errors with this advice. */
        public Builder usageHint(String hint) {
            this.usageHint = hint;
            return this;
        }

        /** The command asks before it writes (after showing the change), so guards need not ask again. */
        public Builder asksFirst() {
            this.asksFirst = true;
            return this;
        }

        public Builder interactiveOnly() {
            this.interactiveOnly = true;
            return this;
        }

        public Builder handler(Handler handler) {
            this.handler = handler;
            return this;
        }

        public CommandSpec build() {
            return new CommandSpec(this);
        }
    }
}
