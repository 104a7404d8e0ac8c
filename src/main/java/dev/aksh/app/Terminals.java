package dev.aksh.app;

import java.io.Console;
import java.lang.reflect.Method;
import org.fusesource.jansi.AnsiConsole;
import org.fusesource.jansi.AnsiType;

/** Whether the standard streams are terminals, on every JDK from 17. */
final class Terminals {
    private Terminals() {
    }

    /** Both stdin and stdout are terminals: the condition for the interactive shell. */
    static boolean stdinAndStdoutAreTerminals() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            // JDK 22+ returns a Console even when redirected; isTerminal() tells the truth there
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17-21: a Console exists only when both are terminals
        }
    }

    /**
     * stdout alone is a terminal ({@code aksh -c … < file} on a terminal). On Linux the answer is where
     * /proc says file descriptor 1 leads; elsewhere Jansi knows, through its native isatty (loading it
     * costs a cold start ~20 ms: its library is unpacked to a temporary file first). Asked only when
     * stdin is not a terminal.
     */
    static boolean stdoutIsTerminal() {
        Boolean proc = terminalByProc(java.nio.file.Path.of("/proc/self/fd/1"));
        if (proc != null) {
            return proc;
        }
        try {
            AnsiType t = AnsiConsole.out().getType();
            return t != AnsiType.Redirected && t != AnsiType.Unsupported;
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * Whether a /proc fd link names a terminal (a pseudo-terminal, a tty, the console) or surely not one
     * (a pipe, a socket, /dev/null, a regular file); null where there is no such link to read or the
     * device is one this does not know (a hypervisor console, say): Jansi's isatty decides those.
     */
    static Boolean terminalByProc(java.nio.file.Path fdLink) {
        String target;
        try {
            target = java.nio.file.Files.readSymbolicLink(fdLink).toString();
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
        if (target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console")) {
            return true;
        }
        if (target.startsWith("pipe:") || target.startsWith("socket:") || target.startsWith("anon_inode:")
                || target.equals("/dev/null") || java.nio.file.Files.isRegularFile(java.nio.file.Path.of(target))) {
            return false;
        }
        return null;
    }
}
