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
     * stdout alone is a terminal ({@code aksh -c … < file} on a terminal). Jansi knows, through its
     * native isatty; it is asked only when stdin is not a terminal.
     */
    static boolean stdoutIsTerminal() {
        try {
            AnsiType t = AnsiConsole.out().getType();
            return t != AnsiType.Redirected && t != AnsiType.Unsupported;
        } catch (Throwable e) {
            return false;
        }
    }
}
