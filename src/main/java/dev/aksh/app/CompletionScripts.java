package dev.aksh.app;

import dev.aksh.render.StreamConsole;
import dev.aksh.shell.CommandCatalog;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.completion.CompletionRequest;
import dev.aksh.shell.completion.Suggestion;
import dev.aksh.shell.completion.ValueCompleter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates the bash, zsh and fish completion scripts for the {@code aksh} launcher from the
 * command registry: launcher options, command words, each command's options, and option values
 * that are fixed (output formats). The build runs it into target/generated-completions; a test
 * fails when completions/ differs.
 */
public final class CompletionScripts {
    private static final String HEADER = "generated from aksh's command registry by CompletionScripts; do not edit";

    private CompletionScripts() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "completions");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : generate(catalog()).entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
    }

    /** The registry of a real-Azure aksh that is built but never run (no network, no files written). */
    static CommandCatalog catalog() throws IOException {
        Path tmp = Files.createTempDirectory("aksh-completions");
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        Environment env = new Environment(new ByteArrayInputStream(new byte[0]), sink, sink, false, false,
                Map.of("AKSH_CONFIG_DIR", tmp.toString()), tmp.toString(), "Linux");
        try (Aksh aksh = new Aksh(LaunchOptions.parse(new String[0]), env, new StreamConsole(sink, sink, false, false, false))) {
            return aksh.shell().catalog();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** File name → content. */
    public static Map<String, String> generate(CommandCatalog catalog) {
        Map<String, String> out = new LinkedHashMap<>();
        String bashFunction = bashFunction(catalog);
        out.put("aksh.bash", "# bash completion for aksh — " + HEADER + ".\n"
                + "# Install: source this file from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/aksh\n\n"
                + bashFunction + "complete -o default -F _aksh aksh\n");
        out.put("_aksh.zsh", "#compdef aksh\n# zsh completion for aksh — " + HEADER + ".\n"
                + "# Install: copy to a directory on $fpath as _aksh (then compinit), or source it from ~/.zshrc.\n\n"
                + "autoload -U +X bashcompinit && bashcompinit\n\n" + bashFunction
                + "complete -o default -F _aksh aksh\n");
        out.put("aksh.fish", fish(catalog));
        return out;
    }

    private static Map<String, List<String>> groups(CommandCatalog catalog) {
        Map<String, List<String>> next = new LinkedHashMap<>();
        Set<String> prefixes = new LinkedHashSet<>();
        prefixes.add("");
        for (CommandSpec s : catalog.specs()) {
            for (int i = 1; i < s.words().size(); i++) {
                prefixes.add(String.join(" ", s.words().subList(0, i)));
            }
        }
        for (String p : prefixes) {
            next.put(p, catalog.nextWords(p.isEmpty() ? List.of() : List.of(p.split(" "))));
        }
        return next;
    }

    /**
     * The values a script can carry: a fixed list only. Anything else (files, clusters) would be a
     * snapshot of wherever the scripts were generated: the build directory's file names, once.
     */
    private static List<String> fixedValues(CommandSpec spec, OptionSpec o) {
        List<String> values = new ArrayList<>();
        if (o.completer() instanceof ValueCompleter.Fixed fixed) {
            for (Suggestion s : fixed.suggest(new CompletionRequest(spec.name(), Map.of(), List.of(), ""))) {
                values.add(s.value());
            }
        }
        return values;
    }

    private static String bashFunction(CommandCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("_aksh_next() {\n    case \"$1\" in\n");
        for (Map.Entry<String, List<String>> e : groups(catalog).entrySet()) {
            sb.append("        '").append(e.getKey()).append("') echo '").append(String.join(" ", e.getValue())).append("' ;;\n");
        }
        sb.append("    esac\n}\n\n");
        sb.append("_aksh_options() {\n    case \"$1\" in\n");
        for (CommandSpec s : catalog.specs()) {
            List<String> names = new ArrayList<>();
            for (OptionSpec o : s.options()) {
                names.add("--" + o.longName());
                if (o.shortName() != 0) {
                    names.add("-" + o.shortName());
                }
            }
            names.add("--help");
            sb.append("        '").append(s.name()).append("') echo '").append(String.join(" ", names)).append("' ;;\n");
        }
        sb.append("    esac\n}\n\n");
        sb.append("# prints the values of an option (\"\" when free-form), or exits 1 for a flag\n");
        sb.append("_aksh_values() {\n    case \"$1 $2\" in\n");
        for (CommandSpec s : catalog.specs()) {
            List<String> flags = new ArrayList<>();
            for (OptionSpec o : s.options()) {
                String forms = "'" + s.name() + " --" + o.longName() + "'"
                        + (o.shortName() != 0 ? "|'" + s.name() + " -" + o.shortName() + "'" : "");
                if (o.isFlag()) {
                    flags.add(forms);
                } else {
                    sb.append("        ").append(forms).append(") echo '").append(String.join(" ", fixedValues(s, o)))
                            .append("' ;;\n");
                }
            }
            if (!flags.isEmpty()) {
                sb.append("        ").append(String.join("|", flags)).append(") return 1 ;;\n");
            }
        }
        sb.append("        *) return 1 ;;\n    esac\n}\n\n");
        sb.append("""
                _aksh() {
                    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
                    local i=1
                    # launcher options come first
                    while [ "$i" -lt "$COMP_CWORD" ]; do
                        case "${COMP_WORDS[i]}" in
                            --sandbox-world|--script) i=$((i + 2)) ;;
                            -c) return 0 ;;
                            -*) i=$((i + 1)) ;;
                            *) break ;;
                        esac
                    done
                    case "$prev" in
                        --sandbox-world|--script) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
                    esac
                    if [ "$i" -ge "$COMP_CWORD" ] && [[ "$cur" == -* ]]; then
                        COMPREPLY=($(compgen -W '%s' -- "$cur")); return 0
                    fi
                    # then the command's words
                    local path="" j="$i" w next
                    while [ "$j" -lt "$COMP_CWORD" ]; do
                        w="${COMP_WORDS[j]}"
                        next=" $(_aksh_next "$path") "
                        if [[ "$w" != -* && "$next" == *" $w "* ]]; then
                            path="${path:+$path }$w"; j=$((j + 1))
                        else
                            break
                        fi
                    done
                    next="$(_aksh_next "$path")"
                    if [ "$j" -eq "$COMP_CWORD" ] && [ -n "$next" ]; then
                        COMPREPLY=($(compgen -W "$next" -- "$cur")); return 0
                    fi
                    [ -n "$path" ] || return 0
                    # then its options and their values
                    local values
                    if values="$(_aksh_values "$path" "$prev")"; then
                        COMPREPLY=($(compgen -W "$values" -- "$cur")); return 0
                    fi
                    if [[ "$cur" == -* ]]; then
                        COMPREPLY=($(compgen -W "$(_aksh_options "$path")" -- "$cur"))
                    fi
                }

                """.formatted(String.join(" ", launcherOptions())));
        return sb.toString();
    }

    private static String fish(CommandCatalog catalog) {
        StringBuilder sb = new StringBuilder("# fish completion for aksh — " + HEADER + ".\n"
                + "# Install: copy to ~/.config/fish/completions/aksh.fish\n\n");
        sb.append("""
                function __aksh_path --description 'the aksh command words typed so far'
                    set -l words (commandline -opc)
                    set -e words[1]
                    set -l path
                    set -l skip 0
                    for w in $words
                        if test $skip -eq 1
                            set skip 0
                            continue
                        end
                        switch $w
                            case --sandbox-world --script
                                set skip 1
                            case '-*'
                                if test (count $path) -gt 0
                                    break
                                end
                            case '*'
                                set path $path $w
                        end
                    end
                    echo (string join ' ' $path)
                end

                complete -c aksh -f
                """);
        for (String o : launcherOptions()) {
            if (o.startsWith("--")) {
                boolean file = o.equals("--sandbox-world") || o.equals("--script");
                sb.append("complete -c aksh -n 'test -z (__aksh_path)' -l ").append(o.substring(2))
                        .append(file ? " -r -F" : "").append('\n');
            }
        }
        for (Map.Entry<String, List<String>> e : groups(catalog).entrySet()) {
            for (String w : e.getValue()) {
                String full = e.getKey().isEmpty() ? w : e.getKey() + " " + w;
                CommandSpec leaf = catalog.spec(full);
                sb.append("complete -c aksh -n 'test \"(__aksh_path)\" = \"").append(e.getKey()).append("\"' -a ")
                        .append(w);
                if (leaf != null) {
                    sb.append(" -d '").append(leaf.summary().replace("'", "\\'")).append('\'');
                }
                sb.append('\n');
            }
        }
        for (CommandSpec s : catalog.specs()) {
            for (OptionSpec o : s.options()) {
                sb.append("complete -c aksh -n 'test \"(__aksh_path)\" = \"").append(s.name()).append("\"' -l ")
                        .append(o.longName());
                if (o.shortName() != 0) {
                    sb.append(" -s ").append(o.shortName());
                }
                if (!o.isFlag()) {
                    List<String> values = fixedValues(s, o);
                    sb.append(values.isEmpty() ? " -r" : " -x -a '" + String.join(" ", values) + "'");
                }
                sb.append(" -d '").append(o.description().replace("'", "\\'")).append("'\n");
            }
        }
        return sb.toString();
    }

    private static List<String> launcherOptions() {
        return List.of("--sandbox", "--sandbox-world", "--read-only", "--continue-on-error", "--yes", "--no-color",
                "--debug", "--version", "--help", "--script", "-c");
    }
}
