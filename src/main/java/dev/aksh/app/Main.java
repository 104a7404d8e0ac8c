package dev.aksh.app;

import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.render.StreamConsole;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.fusesource.jansi.AnsiConsole;

/** The {@code aksh} command: picks the mode from the command line and the terminal, runs it, exits with its status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        setUpLogging(debugRequested(args));
        int code = run(args, Environment.system());
        System.out.flush();
        System.err.flush();
        stopHttpSelectors();
        System.exit(code);
    }

    /**
     * Sets SLF4J up before background threads log: otherwise it may catch their first calls
     * mid-initialisation and announce on stderr that it "replays" them. Also used by the class-data
     * training run, so that it takes the same path.
     */
    static void setUpLogging(boolean debug) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "warn" : "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // named, so SLF4J does not open every JAR on the class path looking for one (and says nothing about it);
        // simplelogger.properties sits in aksh's own JAR for the same reason
        System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        // the SDK warns on every request that the JDK client sets Content-Length itself: noise, not news (and
        // without --debug nothing of the SDK's is logged: aksh reports what failed itself, once)
        System.setProperty("org.slf4j.simpleLogger.log.com.azure.core.http.jdk.httpclient.JdkHttpClient", debug ? "error" : "off");
        org.slf4j.LoggerFactory.getILoggerFactory();
    }

    /**
     * The JVM waits up to 300 ms at exit while any thread sits in native code, and the JDK HTTP
     * client's selector thread always does (in epoll): a third of a second added to every run that
     * talked to Azure. Its loop ends when the thread is interrupted, so stop it first (the clients are
     * done: aksh has closed). Where that does not end the thread, exit is only slower.
     */
    static void stopHttpSelectors() {
        java.util.List<Thread> selectors = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")).toList();
        selectors.forEach(Thread::interrupt);
        for (Thread t : selectors) {
            try {
                t.join(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs aksh and returns its exit status; never throws. */
    public static int run(String[] args, Environment env) {
        if (SandboxServe.requested(args)) {
            return SandboxServe.run(args, env);
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (AkshException e) {
            env.err().println("aksh: " + e.oneLine());
            return e.exitCode().code();
        }
        if (options.help()) {
            env.out().print(LaunchOptions.USAGE);
            env.out().flush();
            return 0;
        }
        if (options.version()) {
            env.out().println("aksh " + version());
            env.out().flush();
            return 0;
        }
        try {
            if (!options.scripted() && env.stdinTerminal() && env.stdoutTerminal()) {
                return InteractiveLoop.run(options, env);
            }
            return scripted(options, env);
        } catch (AkshException e) {
            env.err().println("error: " + e.oneLine());
            return e.exitCode().code();
        } catch (Throwable e) {
            env.err().println("error: unexpected failure starting aksh: " + e
                    + (options.debug() ? "" : " (run with --debug for details)"));
            if (options.debug()) {
                e.printStackTrace(env.err());
            }
            return ExitCode.INTERNAL.code();
        }
    }

    private static int scripted(LaunchOptions options, Environment env) throws IOException {
        boolean colour = env.stdoutTerminal() && !options.noColor() && !env.colourForbidden();
        PrintStream out = env.out();
        PrintStream err = env.err();
        if (env.stdoutTerminal() && env.out() == System.out) {
            out = AnsiConsole.out(); // translates ANSI on Windows consoles
            err = AnsiConsole.err();
        }
        StreamConsole console = new StreamConsole(out, err, env.stdoutTerminal(), colour, options.assumeYes());
        try (Aksh aksh = new Aksh(options, env, console)) {
            ScriptRunner runner = new ScriptRunner(aksh);
            if (options.commandText() != null) {
                return runner.runText(options.commandText());
            }
            if (!options.command().isEmpty()) {
                return runner.runWords(options.command());
            }
            if (options.script() != null) {
                try (BufferedReader in = Files.newBufferedReader(options.script(), StandardCharsets.UTF_8)) {
                    return runner.runLines(in);
                } catch (NoSuchFileException e) {
                    throw AkshException.usage("no script file " + options.script(), "check the path");
                }
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8))) {
                return runner.runLines(in);
            }
        }
    }

    private static boolean debugRequested(String[] args) {
        for (String a : args) {
            if (a.equals("--debug")) {
                return true;
            }
            if (!a.startsWith("-")) {
                return false;
            }
        }
        return false;
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
