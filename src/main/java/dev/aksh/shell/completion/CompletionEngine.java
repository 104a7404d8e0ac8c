package dev.aksh.shell.completion;

import dev.aksh.shell.ArgSpec;
import dev.aksh.shell.CommandCatalog;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Completion as a pure function of the declarations and the caches: command words, then options,
 * option values and arguments of the resolved command. Commands hidden by {@code visible} (read-only
 * mode) are never proposed.
 */
public final class CompletionEngine {
    private final CommandCatalog catalog;
    private final Predicate<CommandSpec> visible;

    public CompletionEngine(CommandCatalog catalog, Predicate<CommandSpec> visible) {
        this.catalog = catalog;
        this.visible = visible;
    }

    /** Completes the end of {@code line} (the text before the cursor), splitting words like the shell does. */
    public List<Suggestion> complete(String line) {
        Tokenizer.Tokens t = Tokenizer.scan(line);
        List<Tokenizer.Token> last = t.statements().get(t.statements().size() - 1);
        List<String> words = new ArrayList<>();
        last.forEach(tok -> words.add(tok.text()));
        String partial = "";
        if ((t.endsInWord() || !t.complete()) && !words.isEmpty()) {
            partial = words.remove(words.size() - 1);
        }
        return complete(words, partial);
    }

    /**
     * @param words the complete words before the one being typed
     * @param partial the word being typed (may be empty)
     */
    public List<Suggestion> complete(List<String> words, String partial) {
        List<Suggestion> raw = candidates(words, partial);
        String p = partial.toLowerCase(Locale.ROOT);
        List<Suggestion> out = new ArrayList<>();
        for (Suggestion s : raw) {
            if (s.value().toLowerCase(Locale.ROOT).startsWith(p) && out.stream().noneMatch(o -> o.value().equals(s.value()))) {
                out.add(s);
            }
        }
        return out;
    }

    private List<Suggestion> candidates(List<String> words, String partial) {
        CommandCatalog.Match m = catalog.resolve(words);
        List<CommandSpec> below = visibleUnder(words);
        if (!below.isEmpty() && (m == null || m.words() < words.size() || words.isEmpty())) {
            List<Suggestion> out = new ArrayList<>();
            for (CommandSpec s : below) {
                String next = s.words().get(words.size());
                boolean leaf = s.words().size() == words.size() + 1;
                out.add(new Suggestion(next, leaf ? s.summary() : null, true));
            }
            return out;
        }
        if (m == null || !visible.test(m.spec())) {
            return List.of();
        }
        CommandSpec spec = m.spec();
        List<String> rest = words.subList(m.words(), words.size());
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        OptionSpec pending = null;
        boolean onlyArgs = false;
        for (String w : rest) {
            if (pending != null) {
                options.computeIfAbsent(pending.longName(), k -> new ArrayList<>()).add(w);
                pending = null;
            } else if (!onlyArgs && w.equals("--")) {
                onlyArgs = true;
            } else if (!onlyArgs && w.startsWith("-") && w.length() > 1) {
                OptionSpec o = lookup(spec, w);
                if (o != null) {
                    boolean inline = w.contains("=") || (!w.startsWith("--") && w.length() > 2);
                    if (o.isFlag() || inline) {
                        options.computeIfAbsent(o.longName(), k -> new ArrayList<>()).add(o.isFlag() ? "true" : w);
                    } else {
                        pending = o;
                    }
                }
            } else {
                args.add(w);
            }
        }
        CompletionRequest request = new CompletionRequest(spec.name(), options, args, partial);
        if (pending != null) {
            return pending.completer().suggest(request);
        }
        if (!onlyArgs && partial.startsWith("-")) {
            return optionNames(spec, options);
        }
        ArgSpec slot = argSlot(spec, args.size());
        if (slot != null) {
            List<Suggestion> values = slot.completer().suggest(request);
            if (!values.isEmpty() || !partial.isEmpty()) {
                return values;
            }
        }
        return onlyArgs ? List.of() : optionNames(spec, options);
    }

    private List<CommandSpec> visibleUnder(List<String> words) {
        List<CommandSpec> out = new ArrayList<>();
        for (CommandSpec s : words.isEmpty() ? catalog.specs() : catalog.under(words)) {
            if (visible.test(s) && s.words().size() > words.size()) {
                out.add(s);
            }
        }
        return out;
    }

    private static ArgSpec argSlot(CommandSpec spec, int index) {
        List<ArgSpec> a = spec.args();
        if (index < a.size()) {
            return a.get(index);
        }
        if (!a.isEmpty() && a.get(a.size() - 1).variadic()) {
            return a.get(a.size() - 1);
        }
        return null;
    }

    private static List<Suggestion> optionNames(CommandSpec spec, Map<String, List<String>> given) {
        List<Suggestion> out = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!given.containsKey(o.longName()) || o.repeatable()) {
                out.add(new Suggestion("--" + o.longName(), o.description(), true));
            }
        }
        return out;
    }

    private static OptionSpec lookup(CommandSpec spec, String word) {
        if (word.startsWith("--")) {
            int eq = word.indexOf('=');
            return spec.option(eq < 0 ? word.substring(2) : word.substring(2, eq));
        }
        return spec.shortOption(word.charAt(1));
    }
}
