package dev.aksh.app;

import dev.aksh.render.Style;
import dev.aksh.shell.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell: JLine line editing, completion and history; the prompt recomputed from
 * the context before every line; each command on a worker thread so Ctrl-C cancels the command
 * and not the shell.
 */
final class InteractiveLoop {
    private InteractiveLoop() {
    }

    static int run(LaunchOptions options, Environment env) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().name("aksh").system(true).nativeSignals(true).build()) {
            boolean colour = !options.noColor() && !env.colourForbidden();
            TerminalConsole console = new TerminalConsole(terminal, colour);
            try (Aksh aksh = new Aksh(options, env, console)) {
                return loop(aksh, terminal, console);
            }
        }
    }

    private static int loop(Aksh aksh, Terminal terminal, TerminalConsole console) {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(true);
        parser.setEofOnEscapedNewLine(true);
        parser.setLineCommentDelims(new String[] {"#"});
        Path history = aksh.historyFile();
        prepareHistory(history);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .history(new RedactingHistory())
                .appName("aksh")
                .parser(parser)
                .completer(new JLineCompleter(aksh.completion()))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, 5000)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
        console.questions(LineReaderBuilder.builder().terminal(terminal).build());
        new org.jline.widget.AutosuggestionWidgets(reader).enable(); // grey suggestion from history; → accepts it

        banner(aksh, console);
        aksh.warmCaches();

        ExecutorService worker = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aksh-command");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<Thread> running = new AtomicReference<>();
        AtomicLong interruptedAt = new AtomicLong();
        terminal.handle(Terminal.Signal.INT, signal -> {
            Thread t = running.get();
            if (t != null) {
                interruptedAt.set(System.nanoTime());
                t.interrupt();
            }
        });
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(Prompt.render(aksh.session().get(), aksh.readOnly(), aksh.production(),
                            console.colour()));
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt clears the line
                } catch (EndOfFileException e) {
                    break; // Ctrl-D
                }
                if (line.isBlank()) {
                    continue;
                }
                interruptedAt.set(0);
                Future<Shell.Outcome> f = worker.submit(() -> {
                    running.set(Thread.currentThread());
                    try {
                        return aksh.shell().executeLine(line);
                    } finally {
                        running.set(null);
                        Thread.interrupted();
                    }
                });
                Shell.Outcome o = waitFor(f, interruptedAt);
                if (o == null) {
                    // interrupted, and the command did not stop within the grace period: leave it behind
                    console.err().println(console.style("cancelled (the command could not be stopped at once and "
                            + "finishes in the background; its output is discarded)", Style.WARN));
                    console.err().flush();
                    aksh.shell().markCancelled();
                    continue;
                }
                if (o.error() == null && interruptedAt.get() != 0) {
                    // Ctrl-C reached what the command ran (a local kubectl stops on its own SIGINT) before us:
                    // it was cancelled all the same
                    aksh.shell().markCancelled();
                    o = new Shell.Outcome(dev.aksh.error.ExitCode.INTERRUPTED.code(),
                            new dev.aksh.error.AkshException(dev.aksh.error.ExitCode.INTERRUPTED, "cancelled", null));
                }
                aksh.report(o, null);
                Integer exit = aksh.control().exitRequested();
                if (exit != null) {
                    return exit;
                }
            }
        } finally {
            worker.shutdownNow();
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                console.warn("could not save history: " + e.getMessage());
            }
        }
        return 0; // leaving with Ctrl-D ends the session normally, whatever the last command did
    }

    /**
     * Waits for a command; after Ctrl-C, gives it two seconds to stop and say so (an interrupted
     * {@code invoke} prints the command id to fetch later), then returns null.
     */
    private static Shell.Outcome waitFor(Future<Shell.Outcome> f, AtomicLong interruptedAt) {
        while (true) {
            try {
                return f.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long at = interruptedAt.get();
                if (at != 0 && System.nanoTime() - at > TimeUnit.SECONDS.toNanos(2)) {
                    f.cancel(true);
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static void banner(Aksh aksh, TerminalConsole console) {
        String version = Main.version();
        if (aksh.options().sandbox()) {
            console.out().println(console.style("aksh " + version + " — SANDBOX", Style.SANDBOX)
                    + ": a fake Azure on 127.0.0.1 (world " + aksh.world().name() + "). Nothing here touches real Azure.");
        } else {
            console.out().println(console.style("aksh " + version, Style.BOLD) + " — private AKS clusters from one shell.");
        }
        console.out().println("Type 'help' for commands, Tab to complete, Ctrl-C to cancel a command, Ctrl-D to leave.");
        console.out().flush();
    }

    private static void prepareHistory(Path history) {
        try {
            Files.createDirectories(history.getParent());
            if (!Files.exists(history)) {
                Files.createFile(history);
            }
            Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // history is a convenience; JLine copes with a missing file
        }
    }

    /** History that never keeps a secret: each line is redacted before it is stored (and saved). */
    static class RedactingHistory extends org.jline.reader.impl.history.DefaultHistory {
        @Override
        public void add(java.time.Instant time, String line) {
            super.add(time, dev.aksh.text.Redaction.redact(line));
        }
    }
}
