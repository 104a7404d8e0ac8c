package dev.aksh.invoke;

import dev.aksh.azure.Cluster;
import dev.aksh.azure.RunCommandClient;
import dev.aksh.azure.RunResult;
import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.render.Progress;
import dev.aksh.session.ClusterRef;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a command on a cluster through AKS command invoke: checks what the cluster's resource
 * already says (run command disabled, cluster stopped) before asking ARM, packs the attachments,
 * adds a cluster token for AAD-managed clusters, submits, and waits on the schedule of
 * {@link PollSchedule} up to a timeout. Ctrl-C (an interrupt) stops waiting and says which command
 * id to fetch later.
 */
public final class InvokeService {
    /** AKS cuts a command's output at 512 kB. */
    public static final int LOG_LIMIT = 512 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** What to run and how. */
    public record Request(String command, List<String> files, Duration timeout, boolean noWait) {
    }

    /** What came of it. */
    public sealed interface Outcome permits Finished, Submitted, Running {
    }

    /**
     * The command ran (or failed to run) and here is its result.
     *
     * @param truncated the output reached AKS's 512 kB limit and was cut
     */
    public record Finished(Cluster cluster, RunResult result, boolean truncated) implements Outcome {
    }

    /** Submitted without waiting ({@code --no-wait}). */
    public record Submitted(Cluster cluster, String commandId) implements Outcome {
    }

    /** Asked for a result that is not there yet. */
    public record Running(String commandId) implements Outcome {
    }

    private final RunCommandApi api;
    private final Waiting waiting;
    private final Path workingDirectory;

    public InvokeService(RunCommandApi api, Waiting waiting, Path workingDirectory) {
        this.api = api;
        this.waiting = waiting;
        this.workingDirectory = workingDirectory;
    }

    /**
     * Starts fetching the token an AAD-managed cluster needs while the cluster is being looked up
     * (the two do not depend on each other); {@link #invoke} then finds it ready or in flight. For a
     * cluster without AAD it is simply not used.
     */
    public void fetchClusterTokenAhead() {
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                api.prefetchClusterToken();
            } catch (RuntimeException e) {
                // invoke asks again and reports it, if the cluster needs it
            }
        });
    }

    /**
     * @param warnings receives lines for the operator (a large request)
     */
    public Outcome invoke(Cluster cluster, Request request, Progress progress, Consumer<String> warnings) {
        precheck(cluster);
        Attachments.Packed packed = Attachments.pack(request.files(), workingDirectory);
        if (packed.warning() != null) {
            warnings.accept(packed.warning());
        }
        String token = cluster.aadManaged() ? api.clusterToken() : null;
        progress.state("submitting");
        RunCommandClient.Submitted s = api.submit(cluster.ref(), request.command(), packed.context(), token);
        if (s.result() != null) {
            return finished(cluster, s.result());
        }
        if (request.noWait()) {
            return new Submitted(cluster, s.commandId());
        }
        return await(cluster, s.commandId(), s.retryAfter(), request.timeout(), progress);
    }

    /** One look at a command's result ({@code invoke result ID}). */
    public Outcome result(Cluster cluster, String commandId) {
        RunCommandClient.Polled p = api.poll(cluster.ref(), commandId);
        return p.done() ? finished(cluster, p.result()) : new Running(commandId);
    }

    private Outcome await(Cluster cluster, String id, Duration retryAfter, Duration timeout, Progress progress) {
        Instant start = waiting.clock().instant();
        Duration hint = retryAfter;
        Duration planned = Duration.ZERO; // when the last poll was due, counted from the submission
        progress.state("waiting for the command pod");
        while (true) {
            Duration elapsed = Duration.between(start, waiting.clock().instant());
            if (elapsed.compareTo(timeout) >= 0) {
                throw new AkshException(ExitCode.PENDING, "command " + id + " on " + cluster.name()
                        + " has not finished after " + dev.aksh.shell.Durations.format(timeout)
                        + "; it goes on in the cluster", "fetch its result later with 'invoke result " + id + "'");
            }
            // fixed rate: polls fall due on the schedule counted from the submission, so slow answers do not
            // stretch it; a Retry-After counts from the answer that sent it
            planned = hint != null && !hint.isNegative() ? elapsed.plus(hint) : planned.plus(PollSchedule.next(planned, null));
            Duration wait = planned.minus(elapsed);
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            }
            Duration left = timeout.minus(elapsed);
            try {
                waiting.sleep(wait.compareTo(left) > 0 ? left : wait);
                RunCommandClient.Polled p = api.poll(cluster.ref(), id);
                if (p.done()) {
                    return finished(cluster, p.result());
                }
                hint = p.retryAfter();
                progress.state("running");
            } catch (InterruptedException e) {
                throw stopped(cluster, id, e);
            } catch (RuntimeException e) {
                if (interrupted(e)) {
                    throw stopped(cluster, id, e);
                }
                throw e;
            }
        }
    }

    /** Refuses locally what ARM would refuse, with the fixes named. */
    static void precheck(Cluster c) {
        if (c.runCommandDisabled()) {
            throw AkshException.refused("run command is disabled on " + c.name()
                    + " (apiServerAccessProfile.disableRunCommand is true)",
                    "enable it with 'az aks update -g " + c.resourceGroup() + " -n " + c.name()
                            + " --enable-run-command', or reach the cluster through Bastion: 'connect bastion'");
        }
        if (!c.running()) {
            throw AkshException.refused(c.name() + " is stopped (power state " + c.powerState() + "), so nothing can run on it",
                    "start it with 'az aks start -g " + c.resourceGroup() + " -n " + c.name() + "'");
        }
    }

    private static Finished finished(Cluster cluster, RunResult r) {
        boolean truncated = r.logs() != null && r.logs().getBytes(StandardCharsets.UTF_8).length >= LOG_LIMIT;
        return new Finished(cluster, r, truncated);
    }

    private static AkshException stopped(Cluster cluster, String id, Throwable cause) {
        Thread.currentThread().interrupt();
        return new AkshException(ExitCode.INTERRUPTED, "stopped waiting for command " + id + " on " + cluster.name()
                + "; it goes on in the cluster", "fetch its result later with 'invoke result " + id + "'", cause);
    }

    private static boolean interrupted(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException || c instanceof InterruptedIOException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    /** For reference in messages: the cluster a ref names. */
    static String name(ClusterRef ref) {
        return ref.name();
    }
}
