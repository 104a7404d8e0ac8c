package dev.aksh.shell;

import dev.aksh.text.Suggest;

import dev.aksh.error.AkshException;
import dev.aksh.render.OutputFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Turns words into Spring Shell's {@link ParsedInput}, validated against the command's declaration:
 * options known, values present, flags boolean, arguments within arity, {@code -o} a known format.
 * Every failure is a usage error that names the problem and shows the usage line.
 *
 * <p>Replaces Spring Shell 4.0.1's {@code DefaultCommandParser}, which splits on blanks and double
 * quotes only and does not know repeatable options or single quotes.
 */
public final class AkshCommandParser implements CommandParser {
    private final CommandCatalog catalog;

    public AkshCommandParser(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ParsedInput parse(String input) {
        List<List<String>> statements = Tokenizer.statements(input);
        if (statements.size() != 1) {
            throw AkshException.usage("expected one command, got " + statements.size(), "run them one at a time");
        }
        return parse(statements.get(0));
    }

    /** Parses one command's words. */
    public ParsedInput parse(List<String> words) {
        CommandCatalog.Match m = resolve(words);
        CommandSpec spec = m.spec();
        List<String> rest = words.subList(m.words(), words.size());
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        boolean onlyArgs = false;
        for (int i = 0; i < rest.size(); i++) {
            String w = rest.get(i);
            if (onlyArgs) {
                args.add(w);
            } else if (w.equals("--")) {
                onlyArgs = true;
            } else if (w.startsWith("--") && w.length() > 2) {
                int eq = w.indexOf('=');
                String name = eq < 0 ? w.substring(2) : w.substring(2, eq);
                String value = eq < 0 ? null : w.substring(eq + 1);
                OptionSpec o = spec.option(name);
                if (o == null) {
                    throw unknownOption(spec, "--" + name);
                }
                i = take(spec, o, "--" + name, value, rest, i, options);
            } else if (w.startsWith("-") && w.length() > 1 && !isNumber(w)) {
                char c = w.charAt(1);
                OptionSpec o = spec.shortOption(c);
                if (o == null) {
                    throw unknownOption(spec, w.length() == 2 ? w : "-" + c);
                }
                String value = null;
                if (w.length() > 2) {
                    if (w.charAt(2) == '=') {
                        value = w.substring(3);
                    } else if (o.isFlag()) {
                        throw AkshException.usage("-" + c + " takes no value, and short options cannot be combined ('" + w + "')",
                                spec.usageHint());
                    } else {
                        value = w.substring(2);
                    }
                }
                i = take(spec, o, "-" + c, value, rest, i, options);
            } else {
                args.add(w);
            }
        }
        checkArity(spec, args);
        for (OptionSpec o : spec.options()) {
            if (o.required() && !options.containsKey(o.longName())) {
                throw AkshException.usage("missing --" + o.longName() + " " + o.valueName(), spec.usageHint());
            }
        }
        if (options.containsKey("output")) {
            OutputFormat.parse(options.get("output").get(0));
        }
        ParsedInput.Builder b = ParsedInput.builder().commandName(spec.words().get(0));
        spec.words().subList(1, spec.words().size()).forEach(b::addSubCommand);
        options.forEach((name, values) -> values.forEach(v -> b.addOption(CommandOption.with()
                .longName(name)
                .shortName(spec.option(name).shortName() == 0 ? ' ' : spec.option(name).shortName())
                .value(v)
                .type(spec.option(name).isFlag() ? Boolean.class : String.class)
                .build())));
        for (int i = 0; i < args.size(); i++) {
            b.addArgument(new CommandArgument(i, args.get(i)));
        }
        return b.build();
    }

    /** Resolves the command named by the leading words, or fails with the nearest suggestion. */
    public CommandCatalog.Match resolve(List<String> words) {
        if (words.isEmpty()) {
            throw AkshException.usage("no command given", "run 'help' for the list");
        }
        CommandCatalog.Match m = catalog.resolve(words);
        List<String> deepestGroup = List.of();
        for (int n = 1; n <= words.size(); n++) {
            if (!catalog.under(words.subList(0, n)).isEmpty()) {
                deepestGroup = words.subList(0, n);
            }
        }
        if (m != null && m.words() >= deepestGroup.size()) {
            return m;
        }
        if (!deepestGroup.isEmpty()) {
            String group = String.join(" ", deepestGroup);
            if (deepestGroup.size() == words.size()) {
                throw AkshException.usage("'" + group + "' needs a subcommand: "
                        + String.join(", ", catalog.nextWords(deepestGroup)), "run 'help " + group + "'");
            }
            String typed = group + " " + words.get(deepestGroup.size());
            String near = Suggest.nearest(typed, catalog.under(deepestGroup).stream().map(CommandSpec::name).toList());
            throw AkshException.usage("unknown command '" + typed + "'", near != null
                    ? "did you mean '" + near + "'?"
                    : "'" + group + "' takes: " + String.join(", ", catalog.nextWords(deepestGroup)));
        }
        String typed = words.size() > 1 && !words.get(1).startsWith("-") ? words.get(0) + " " + words.get(1) : words.get(0);
        String near = Suggest.nearest(typed, catalog.allNames());
        if (near == null && typed.contains(" ")) {
            typed = words.get(0);
            near = Suggest.nearest(typed, catalog.allNames());
        }
        throw AkshException.usage("unknown command '" + typed + "'",
                near != null ? "did you mean '" + near + "'?" : "run 'help' for the list of commands");
    }

    private static int take(CommandSpec spec, OptionSpec o, String typed, String value, List<String> rest, int i,
            Map<String, List<String>> options) {
        if (o.isFlag()) {
            if (value == null) {
                value = "true";
            } else if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw AkshException.usage(typed + " is a flag and takes no value (or true/false), not '" + value + "'",
                        spec.usageHint());
            }
        } else if (value == null && o.optionalValue()) {
            boolean next = i + 1 < rest.size() && !rest.get(i + 1).startsWith("-");
            value = next ? rest.get(++i) : "";
        } else if (value == null) {
            if (i + 1 >= rest.size()) {
                throw AkshException.usage(typed + " needs a value (" + o.valueName() + ")", spec.usageHint());
            }
            value = rest.get(++i);
        }
        List<String> values = options.computeIfAbsent(o.longName(), k -> new ArrayList<>());
        if (!values.isEmpty() && !o.repeatable()) {
            throw AkshException.usage("--" + o.longName() + " given more than once", "give it once");
        }
        values.add(value);
        return i;
    }

    private static void checkArity(CommandSpec spec, List<String> args) {
        List<ArgSpec> declared = spec.args();
        boolean variadic = !declared.isEmpty() && declared.get(declared.size() - 1).variadic();
        if (!variadic && args.size() > declared.size()) {
            String extra = args.get(declared.size());
            throw AkshException.usage("unexpected argument '" + extra + "'"
                    + (declared.isEmpty() ? " ('" + spec.name() + "' takes none)" : ""), spec.usageHint());
        }
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i).required() && args.size() <= i) {
                throw AkshException.usage("missing " + declared.get(i).name(), spec.usageHint());
            }
        }
    }

    private static AkshException unknownOption(CommandSpec spec, String typed) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            names.add("--" + o.longName());
        }
        String near = typed.startsWith("--") ? Suggest.nearest(typed, names) : null;
        return AkshException.usage("unknown option " + typed + " for '" + spec.name() + "'",
                near != null ? "did you mean " + near + "?" : spec.usageHint());
    }

    private static boolean isNumber(String w) {
        return w.matches("-\\d+(\\.\\d+)?");
    }

    /** Rebuilds the handler's view of a parsed command. */
    public static Invocation toInvocation(CommandSpec spec, ParsedInput in) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (CommandOption o : in.options()) {
            options.computeIfAbsent(o.longName(), k -> new ArrayList<>()).add(o.value());
        }
        List<String> args = in.arguments().stream().map(CommandArgument::value).toList();
        return new Invocation(spec, options, args);
    }
}
