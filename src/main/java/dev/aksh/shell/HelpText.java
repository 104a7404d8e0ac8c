package dev.aksh.shell;

import java.util.List;
import java.util.Map;

/** Help as text, built from the command declarations (so it cannot drift from what the parser accepts). */
public final class HelpText {
    /** The order groups appear in {@code help}. */
    public static final List<String> GROUP_ORDER = List.of(
            "Context", "Clusters", "Run commands", "Connect", "Authorized IP ranges", "Fleet", "Network",
            "Sandbox", "Shell");

    private HelpText() {
    }

    public static String overview(CommandCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("Commands by group. 'help COMMAND' shows its options and examples.\n");
        int width = catalog.specs().stream().mapToInt(s -> s.name().length()).max().orElse(10);
        for (Map.Entry<String, List<CommandSpec>> e : catalog.byGroup(GROUP_ORDER).entrySet()) {
            sb.append('\n').append(e.getKey()).append('\n');
            for (CommandSpec s : e.getValue()) {
                sb.append("  ").append(pad(s.name(), width)).append("   ").append(s.summary()).append('\n');
            }
        }
        sb.append("\nEvery command that shows data takes -o table|json|yaml|tsv.\n");
        return sb.toString();
    }

    /** Help for the commands under a group word ({@code help cluster}). */
    public static String forGroup(String group, List<CommandSpec> specs) {
        StringBuilder sb = new StringBuilder();
        sb.append("'").append(group).append("' commands:\n");
        int width = specs.stream().mapToInt(s -> s.name().length()).max().orElse(10);
        for (CommandSpec s : specs) {
            sb.append("  ").append(pad(s.name(), width)).append("   ").append(s.summary()).append('\n');
        }
        sb.append("\n'help COMMAND' shows its options and examples.\n");
        return sb.toString();
    }

    public static String forCommand(CommandSpec spec) {
        StringBuilder sb = new StringBuilder();
        sb.append(spec.name()).append(" — ").append(spec.summary()).append("\n\n");
        sb.append("Usage: ").append(spec.usage()).append('\n');
        if (spec.description() != null) {
            sb.append('\n').append(spec.description().strip()).append('\n');
        }
        if (!spec.args().isEmpty()) {
            sb.append("\nArguments:\n");
            int w = spec.args().stream().mapToInt(a -> a.name().length()).max().orElse(0);
            for (ArgSpec a : spec.args()) {
                sb.append("  ").append(pad(a.name(), w)).append("   ").append(a.description()).append('\n');
            }
        }
        if (!spec.options().isEmpty()) {
            sb.append("\nOptions:\n");
            int w = spec.options().stream().mapToInt(o -> optionLabel(o).length()).max().orElse(0);
            for (OptionSpec o : spec.options()) {
                sb.append("  ").append(pad(optionLabel(o), w)).append("   ").append(o.description());
                if (o.repeatable()) {
                    sb.append(" (may repeat)");
                }
                sb.append('\n');
            }
        }
        if (spec.safety() != Safety.READ) {
            sb.append("\nChanges state: refused in read-only mode.\n");
        }
        if (!spec.examples().isEmpty()) {
            sb.append("\nExamples:\n");
            for (CommandSpec.Example ex : spec.examples()) {
                sb.append("  ").append(ex.line()).append('\n');
                if (ex.explanation() != null && !ex.explanation().isBlank()) {
                    sb.append("      ").append(ex.explanation()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String optionLabel(OptionSpec o) {
        String s = (o.shortName() != 0 ? "-" + o.shortName() + ", " : "    ") + "--" + o.longName();
        return o.isFlag() ? s : s + " " + o.valueName();
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
