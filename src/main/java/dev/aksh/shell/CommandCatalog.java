package dev.aksh.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Every command aksh knows, as declared {@link CommandSpec}s, registered in Spring Shell's
 * {@link CommandRegistry} as {@link SpecCommand}s. Resolves typed words to commands (longest match
 * of multi-word names such as {@code cluster use}).
 */
public final class CommandCatalog {
    private final CommandRegistry registry = new CommandRegistry();
    private final Map<String, CommandSpec> specs = new TreeMap<>();
    private final Function<CommandSpec, Command> adapter;

    /**
     * @param adapter turns a spec into the Spring Shell command that runs it
     */
    public CommandCatalog(Function<CommandSpec, Command> adapter) {
        this.adapter = adapter;
    }

    public void register(CommandSpec spec) {
        if (specs.containsKey(spec.name())) {
            throw new IllegalStateException("command registered twice: " + spec.name());
        }
        specs.put(spec.name(), spec);
        registry.registerCommand(adapter.apply(spec));
    }

    public CommandRegistry registry() {
        return registry;
    }

    public Command command(CommandSpec spec) {
        return registry.getCommandByName(spec.name());
    }

    public CommandSpec spec(String name) {
        return specs.get(name);
    }

    /** All commands, sorted by name. */
    public List<CommandSpec> specs() {
        return List.copyOf(specs.values());
    }

    /** A command and how many leading words named it. */
    public record Match(CommandSpec spec, int words) {
    }

    /** The command named by the longest run of leading words, or null. */
    public Match resolve(List<String> words) {
        for (int n = Math.min(words.size(), maxWords()); n >= 1; n--) {
            CommandSpec s = specs.get(String.join(" ", words.subList(0, n)));
            if (s != null) {
                return new Match(s, n);
            }
        }
        return null;
    }

    /** Commands whose names start with these whole words ({@code cluster} → cluster list, show, use). */
    public List<CommandSpec> under(List<String> prefixWords) {
        List<CommandSpec> out = new ArrayList<>();
        for (CommandSpec s : specs.values()) {
            if (s.words().size() > prefixWords.size() && s.words().subList(0, prefixWords.size()).equals(prefixWords)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The distinct words that can follow {@code prefixWords} ({@code cluster} → list, show, use). */
    public List<String> nextWords(List<String> prefixWords) {
        Set<String> out = new LinkedHashSet<>();
        for (CommandSpec s : under(prefixWords)) {
            out.add(s.words().get(prefixWords.size()));
        }
        return out.stream().sorted().toList();
    }

    /** Command names and group words, for "did you mean". */
    public Set<String> allNames() {
        Set<String> names = new LinkedHashSet<>();
        for (CommandSpec s : specs.values()) {
            for (int i = 1; i <= s.words().size(); i++) {
                names.add(String.join(" ", s.words().subList(0, i)));
            }
        }
        return names;
    }

    /** Groups in the order help shows them, each with its commands. */
    public Map<String, List<CommandSpec>> byGroup(List<String> groupOrder) {
        Map<String, List<CommandSpec>> out = new TreeMap<>(Comparator
                .comparingInt((String g) -> groupOrder.indexOf(g) < 0 ? Integer.MAX_VALUE : groupOrder.indexOf(g))
                .thenComparing(Comparator.naturalOrder()));
        for (CommandSpec s : specs.values()) {
            out.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
        }
        return out;
    }

    private int maxWords() {
        int max = 1;
        for (CommandSpec s : specs.values()) {
            max = Math.max(max, s.words().size());
        }
        return max;
    }
}
