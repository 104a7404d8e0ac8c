package dev.aksh.testing;

import dev.aksh.app.Aksh;
import dev.aksh.app.Environment;
import dev.aksh.app.LaunchOptions;
import dev.aksh.shell.Shell;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole tool built in memory (the composition root with a headless console): for tests that
 * drive commands, completion and rendering without starting a process.
 */
public final class InProcessAksh implements AutoCloseable {
    private final Aksh aksh;
    private final HeadlessConsole console;
    private final Path configDir;

    private InProcessAksh(List<String> launchArgs, Map<String, String> extraEnv, HeadlessConsole console) throws IOException {
        this.configDir = Files.createTempDirectory("aksh-test-config");
        this.console = console;
        Map<String, String> env = new HashMap<>();
        env.put("AKSH_CONFIG_DIR", configDir.toString());
        env.putAll(extraEnv);
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        Environment e = new Environment(new ByteArrayInputStream(new byte[0]), sink, sink, false, false, env,
                configDir.toString(), "Linux");
        this.aksh = new Aksh(LaunchOptions.parse(launchArgs.toArray(String[]::new)), e, console);
    }

    /** The sandbox with the default world. */
    public static InProcessAksh sandbox(String... moreArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--sandbox"));
        args.addAll(List.of(moreArgs));
        return new InProcessAksh(args, Map.of(), new HeadlessConsole());
    }

    /** The sandbox with the default world, writing to {@code console}. */
    public static InProcessAksh sandbox(HeadlessConsole console, String... moreArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--sandbox"));
        args.addAll(List.of(moreArgs));
        return new InProcessAksh(args, Map.of(), console);
    }

    /** The sandbox with the default world and extra environment variables. */
    public static InProcessAksh sandboxWithEnv(Map<String, String> env, String... moreArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--sandbox"));
        args.addAll(List.of(moreArgs));
        return new InProcessAksh(args, env, new HeadlessConsole());
    }

    /** The sandbox with a world file. */
    public static InProcessAksh sandboxWorld(Path world) throws IOException {
        return new InProcessAksh(List.of("--sandbox-world", world.toString()), Map.of(), new HeadlessConsole());
    }

    public Aksh aksh() {
        return aksh;
    }

    public HeadlessConsole console() {
        return console;
    }

    public Path configDir() {
        return configDir;
    }

    /** Runs a line, returns what it printed on stdout; the outcome is in {@link #last}. */
    public String run(String line) {
        console.clear();
        last = aksh.shell().executeLine(line);
        return console.stdout();
    }

    private Shell.Outcome last;

    public Shell.Outcome last() {
        return last;
    }

    @Override
    public void close() throws IOException {
        aksh.close();
        try (var s = Files.walk(configDir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
