package dev.aksh.conversation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the packaged aksh (built once by {@code mvn package}, reused by every conversation test) as
 * an operator or a script would: arguments, stdin, environment, working directory; returns what it
 * printed and its exit status. Each instance has its own HOME and config directory, so nothing
 * touches the developer's files.
 */
final class AkshProcess implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("aksh.jar", "target/aksh.jar")).toAbsolutePath();
    static final Path REPO = JAR.getParent().getParent();

    /** What a run came to. */
    record Run(int exit, String out, String err) {
        /** stdout and stderr, for assertion messages. */
        String both() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    final Path home;
    final Path config;
    final Path cwd;
    final Map<String, String> env = new HashMap<>();

    AkshProcess() throws IOException {
        home = Files.createTempDirectory("aksh-it-home");
        config = home.resolve(".config/aksh");
        cwd = Files.createDirectories(home.resolve("work"));
        env.put("HOME", home.toString());
        env.put("AKSH_CONFIG_DIR", config.toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("AZURE_CONFIG_DIR", home.resolve(".azure").toString());
        env.put("PATH", System.getenv("PATH"));
        env.put("LANG", "C.UTF-8");
        Path runtime = Files.createDirectories(home.resolve("run"));
        env.put("XDG_RUNTIME_DIR", runtime.toString()); // where tunnels keep their private files
    }

    /** What tunnels left in the runtime directory. */
    List<Path> tunnelLeftovers() throws IOException {
        try (Stream<Path> s = Files.list(home.resolve("run"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("aksh-tunnel-")).toList();
        }
    }

    /** Whether a real kubectl is installed here. */
    static boolean kubectlInstalled() {
        return dev.aksh.testing.Installed.onPath("kubectl");
    }

    static List<String> java() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString());
    }

    Run run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(java());
        cmd.addAll(List.of(args));
        return exec(cmd, stdin);
    }

    Run exec(List<String> cmd, String stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread o = pump(p.getInputStream(), out);
        Thread e = pump(p.getErrorStream(), err);
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aksh did not finish within 120 s: " + cmd);
        }
        o.join();
        e.join();
        return new Run(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Thread pump(InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.start();
        return t;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> s = Files.walk(home)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
