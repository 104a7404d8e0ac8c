package dev.aksh.app;

import dev.aksh.error.AkshException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code aksh} command line asked for. Launcher options come first; the first word that is
 * not one starts a one-shot command, and everything after it belongs to that command.
 *
 * @param command one-shot command words ({@code aksh cluster list}), or empty
 * @param commandText {@code -c "cmd; cmd"}, or null
 * @param script {@code --script FILE}, or null
 */
public record LaunchOptions(
        boolean sandbox,
        Path sandboxWorld,
        boolean readOnly,
        boolean noColor,
        boolean debug,
        boolean continueOnError,
        boolean assumeYes,
        boolean help,
        boolean version,
        Path script,
        String commandText,
        List<String> command) {

    public static final String USAGE = """
            Usage: aksh [OPTIONS]                  interactive shell (or read commands from stdin)
                   aksh [OPTIONS] COMMAND [ARGS]   run one command
                   aksh [OPTIONS] -c "CMD; CMD"    run commands
                   aksh [OPTIONS] --script FILE    run a script file
                   aksh sandbox serve [--port N] [--world FILE] [--env FILE]
                                                   serve the sandbox to the Azure CLI and kubectl

            Options:
              --sandbox               use the sandbox: a fake Azure on 127.0.0.1, no credentials needed
              --sandbox-world FILE    load this world file instead of the built-in one (implies --sandbox)
              --read-only             refuse every command that changes state
              --continue-on-error     in scripts, go on after a failing command
              --yes, -y               answer yes to confirmations (scripts)
              --no-color              no colours (also: NO_COLOR set, or output not a terminal)
              --debug                 show stack traces and HTTP headers (never tokens)
              --version               print the version
              -h, --help              print this help
            """;

    /** Parses the command line; a bad one is a usage error. */
    public static LaunchOptions parse(String[] argv) {
        boolean sandbox = false;
        Path world = null;
        boolean readOnly = false;
        boolean noColor = false;
        boolean debug = false;
        boolean continueOnError = false;
        boolean yes = false;
        boolean help = false;
        boolean version = false;
        Path script = null;
        String text = null;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("-") || a.equals("-")) {
                for (int j = i; j < argv.length; j++) {
                    command.add(argv[j]);
                }
                break;
            }
            switch (a) {
                case "--sandbox" -> sandbox = true;
                case "--sandbox-world" -> {
                    world = Path.of(value(argv, ++i, a));
                    sandbox = true;
                }
                case "--read-only" -> readOnly = true;
                case "--no-color", "--no-colour" -> noColor = true;
                case "--debug" -> debug = true;
                case "--continue-on-error" -> continueOnError = true;
                case "--yes", "-y" -> yes = true;
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--script" -> script = Path.of(value(argv, ++i, a));
                case "-c" -> text = value(argv, ++i, a);
                case "--" -> {
                    for (int j = i + 1; j < argv.length; j++) {
                        command.add(argv[j]);
                    }
                    i = argv.length;
                }
                default -> {
                    if (a.startsWith("--sandbox-world=")) {
                        world = Path.of(a.substring("--sandbox-world=".length()));
                        sandbox = true;
                    } else if (a.startsWith("--script=")) {
                        script = Path.of(a.substring("--script=".length()));
                    } else {
                        throw AkshException.usage("unknown option " + a, "run 'aksh --help'");
                    }
                }
            }
        }
        int modes = (script != null ? 1 : 0) + (text != null ? 1 : 0) + (command.isEmpty() ? 0 : 1);
        if (modes > 1) {
            throw AkshException.usage("give only one of --script FILE, -c \"…\" or a COMMAND", "run 'aksh --help'");
        }
        return new LaunchOptions(sandbox, world, readOnly, noColor, debug, continueOnError, yes, help, version, script,
                text, List.copyOf(command));
    }

    private static String value(String[] argv, int i, String option) {
        if (i >= argv.length) {
            throw AkshException.usage(option + " needs a value", "run 'aksh --help'");
        }
        return argv[i];
    }

    public boolean scripted() {
        return script != null || commandText != null || !command.isEmpty();
    }
}
