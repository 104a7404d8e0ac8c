package dev.aksh.shell;

import dev.aksh.error.AkshException;
import dev.aksh.error.ErrorTranslator;
import dev.aksh.error.ExitCode;
import dev.aksh.render.Console;
import dev.aksh.render.OutputFormat;
import dev.aksh.render.Renderer;
import dev.aksh.render.Result;
import java.util.ArrayList;
import java.util.List;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Runs commands: parse, check the guards, execute through Spring Shell's command contract, render
 * the result, and turn every failure into an {@link Outcome} with an exit code and one line. It
 * never throws: the loops around it decide how to report and whether to go on.
 */
public final class Shell implements SpecCommand.ResultSink {

    /** What running one command came to. */
    public record Outcome(int status, AkshException error) {
        public static final Outcome OK = new Outcome(0, null);

        public boolean ok() {
            return status == 0;
        }
    }

    /** A check before a command runs (read-only mode, production confirmation). Throws to refuse. */
    @FunctionalInterface
    public interface Guard {
        void check(CommandSpec spec, Invocation invocation);
    }

    private final CommandCatalog catalog;
    private final AkshCommandParser parser;
    private final Console console;
    private final List<ErrorTranslator> translators;
    private final List<Guard> guards = new ArrayList<>();
    private final InputReader inputReader = new InputReader() {
    };

    private volatile Result lastResult;
    private volatile int lastStatus;
    private volatile AkshException lastError;

    public Shell(CommandCatalog catalog, Console console, List<ErrorTranslator> translators) {
        this.catalog = catalog;
        this.parser = new AkshCommandParser(catalog);
        this.console = console;
        this.translators = List.copyOf(translators);
    }

    public void addGuard(Guard guard) {
        guards.add(guard);
    }

    private final List<java.util.function.Consumer<Outcome>> afterEach = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs after every command, whatever its outcome (lessons check their goals here). Must not throw. */
    public void afterEach(java.util.function.Consumer<Outcome> observer) {
        afterEach.add(observer);
    }

    public CommandCatalog catalog() {
        return catalog;
    }

    public AkshCommandParser parser() {
        return parser;
    }

    /** Runs every command on a line ({@code a; b}), stopping at the first that fails. */
    public Outcome executeLine(String line) {
        List<List<String>> statements;
        try {
            statements = Tokenizer.statements(line);
        } catch (RuntimeException e) {
            return fail(e);
        }
        Outcome last = Outcome.OK;
        for (List<String> words : statements) {
            last = execute(words);
            if (!last.ok()) {
                return last;
            }
        }
        return last;
    }

    /** Runs one command given as words. */
    public Outcome execute(List<String> words) {
        if (words.isEmpty()) {
            return Outcome.OK;
        }
        try {
            if (helpRequested(words)) {
                return finish(Outcome.OK);
            }
            ParsedInput in = parser.parse(words);
            CommandSpec spec = parser.resolve(words).spec();
            Invocation invocation = AkshCommandParser.toInvocation(spec, in);
            for (Guard g : guards) {
                g.check(spec, invocation);
            }
            Command command = catalog.command(spec);
            ExitStatus st = command.execute(new CommandContext(in, catalog.registry(), console.out(), inputReader));
            console.out().flush();
            if (Thread.currentThread().isInterrupted()) {
                Thread.interrupted();
                throw new AkshException(ExitCode.INTERRUPTED, "cancelled", null);
            }
            return finish(new Outcome(st.code(), null));
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) {
                throw vme;
            }
            return fail(t);
        }
    }

    private Outcome fail(Throwable t) {
        console.out().flush();
        AkshException e = ErrorTranslator.translate(t, translators);
        lastError = e;
        return finish(new Outcome(e.exitCode().code(), e));
    }

    private Outcome finish(Outcome o) {
        lastStatus = o.status();
        for (java.util.function.Consumer<Outcome> observer : afterEach) {
            try {
                observer.accept(o);
            } catch (RuntimeException e) {
                // an observer's failure is not the command's
            }
        }
        return o;
    }

    /** {@code help}-style requests: {@code CMD --help}, {@code CMD -h}. Prints help and returns true. */
    private boolean helpRequested(List<String> words) {
        int dashdash = words.indexOf("--");
        List<String> head = dashdash < 0 ? words : words.subList(0, dashdash);
        if (!head.contains("--help") && !head.contains("-h")) {
            return false;
        }
        List<String> cmd = new ArrayList<>();
        for (String w : head) {
            if (w.startsWith("-")) {
                break;
            }
            cmd.add(w);
        }
        CommandCatalog.Match m = catalog.resolve(cmd);
        if (m != null) {
            console.out().print(HelpText.forCommand(m.spec()));
        } else if (!cmd.isEmpty() && !catalog.under(cmd).isEmpty()) {
            console.out().print(HelpText.forGroup(String.join(" ", cmd), catalog.under(cmd)));
        } else {
            parser.resolve(cmd.isEmpty() ? words : cmd); // throws the unknown-command error
        }
        console.out().flush();
        return true;
    }

    @Override
    public void accept(Invocation invocation, Result result, CommandContext context) {
        if (Thread.currentThread().isInterrupted()) {
            return; // cancelled with Ctrl-C: the operator is back at the prompt, do not print over it
        }
        lastResult = result;
        OutputFormat format = invocation.spec().takesOutput() ? invocation.output() : OutputFormat.TABLE;
        Renderer.render(result, format, console);
    }

    /** The last result a command produced (for {@code last}). */
    public Result lastResult() {
        return lastResult;
    }

    /** Records that the operator cancelled the running command (Ctrl-C): {@code status} then says 130. */
    public void markCancelled() {
        lastStatus = ExitCode.INTERRUPTED.code();
    }

    public int lastStatus() {
        return lastStatus;
    }

    /** The last failure, with its cause (for {@code stacktrace}). */
    public AkshException lastError() {
        return lastError;
    }
}
