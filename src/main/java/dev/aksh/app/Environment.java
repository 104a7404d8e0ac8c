package dev.aksh.app;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Everything aksh takes from the process, injected so tests can run the whole tool in memory:
 * streams, whether they are terminals, environment variables, home directory, OS.
 */
public record Environment(InputStream in, PrintStream out, PrintStream err, boolean stdinTerminal,
        boolean stdoutTerminal, Map<String, String> env, String userHome, String osName) {

    public static Environment system() {
        boolean both = Terminals.stdinAndStdoutAreTerminals();
        return new Environment(System.in, System.out, System.err, both, both || Terminals.stdoutIsTerminal(),
                System.getenv(), System.getProperty("user.home"), System.getProperty("os.name"));
    }

    /** NO_COLOR set (to anything non-empty), or TERM=dumb. */
    public boolean colourForbidden() {
        String noColor = env.get("NO_COLOR");
        return (noColor != null && !noColor.isEmpty()) || "dumb".equals(env.get("TERM"));
    }
}
