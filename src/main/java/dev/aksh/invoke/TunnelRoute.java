package dev.aksh.invoke;

import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The tunnel route of {@code invoke}: the operator's own kubectl and helm run here, in a shell,
 * against the tunnel's private kubeconfig (KUBECONFIG) and discovery cache (KUBECACHEDIR); output
 * streams as it comes. Ctrl-C stops the local command (and what it started).
 */
public final class TunnelRoute {

    /** Where the command goes and what it sees. */
    public record Target(String clusterName, Path kubeconfig, Path cacheDirectory) {
    }

    /** The exit status, and the output when it was captured rather than streamed. */
    public record Ran(int exitCode, String stdout, String stderr) {
    }

    private final LocalTools tools;
    private final Path workingDirectory;

    public TunnelRoute(LocalTools tools, Path workingDirectory) {
        this.tools = tools;
        this.workingDirectory = workingDirectory;
    }

    /**
     * Runs {@code command}. With {@code out}/{@code err} set, output streams there; with them null,
     * it is captured and returned.
     *
     * @param timeout null for none
     */
    public Ran run(String command, Target target, Writer out, Writer err, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(tools.shell(command)).directory(workingDirectory.toFile());
        Map<String, String> env = pb.environment();
        env.put("KUBECONFIG", target.kubeconfig().toString());
        env.put("KUBECACHEDIR", target.cacheDirectory().toString());
        env.remove("HELM_KUBECONTEXT");
        env.remove("HELM_KUBETOKEN");
        env.remove("HELM_KUBEAPISERVER");
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p;
        try {
            p = pb.start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw AkshException.usage("cannot start a shell to run the command: " + e.getMessage(),
                    "check that bash (or sh) is installed, or use --via run-command");
        }
        ByteArrayOutputStream capturedOut = out == null ? new ByteArrayOutputStream() : null;
        ByteArrayOutputStream capturedErr = err == null ? new ByteArrayOutputStream() : null;
        Thread o = pump(p.getInputStream(), out, capturedOut, "tunnel-route-out");
        Thread e = pump(p.getErrorStream(), err, capturedErr, "tunnel-route-err");
        try {
            boolean done = timeout == null ? waitFor(p) : p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                stop(p);
                join(o, e);
                throw new AkshException(ExitCode.REMOTE, "the command ran longer than " + dev.aksh.shell.Durations.format(timeout)
                        + " on " + target.clusterName() + " and was stopped", "give a longer --timeout, or none", null);
            }
            join(o, e);
            if (p.exitValue() == 130 || Thread.currentThread().isInterrupted()) {
                // Ctrl-C: the terminal's SIGINT reached the command itself (it shares our process group), or us
                stop(p);
                throw new AkshException(ExitCode.INTERRUPTED, "stopped the local command", null);
            }
            return new Ran(p.exitValue(), capturedOut == null ? null : capturedOut.toString(StandardCharsets.UTF_8),
                    capturedErr == null ? null : capturedErr.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException ie) {
            stop(p);
            Thread.currentThread().interrupt();
            throw new AkshException(ExitCode.INTERRUPTED, "stopped the local command", null, ie);
        }
    }

    private static boolean waitFor(Process p) throws InterruptedException {
        p.waitFor();
        return true;
    }

    /** Stops the command and what it started: politely, then for good. */
    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread... threads) {
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Thread pump(InputStream in, Writer to, ByteArrayOutputStream capture, String name) {
        Thread t = new Thread(() -> {
            try (in) {
                if (capture != null) {
                    in.transferTo(capture);
                    return;
                }
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
                char[] buf = new char[8192];
                int n;
                while ((n = r.read(buf)) > 0) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
