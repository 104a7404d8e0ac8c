package dev.aksh.invoke;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One command on many members: a work queue drained by at most {@code parallel} workers, results
 * handed to the caller's thread as each member finishes (so output is printed whole, one member at
 * a time), and Ctrl-C (an interrupt of the caller) cancels every member that has not started and
 * stops waiting for the ones that have.
 */
public final class FleetRun {
    /** How long to wait, after Ctrl-C, for running members to say they stopped. */
    static final Duration STOP_GRACE = Duration.ofMillis(1500);

    /** A member to run on. */
    public record Target(String member, String cluster) {
    }

    public enum Status {
        /** it ran and exited 0 */
        SUCCEEDED,
        /** it ran and exited non-zero */
        FAILED,
        /** it could not run (refused, not found, ARM failed) */
        ERROR,
        /** Ctrl-C came before it started */
        CANCELLED,
        /** Ctrl-C came while it ran: aksh stopped waiting (a run-command goes on in the cluster) */
        STOPPED;

        public boolean failure() {
            return this == FAILED || this == ERROR;
        }
    }

    /**
     * What one member did.
     *
     * @param route run-command or tunnel; null if it never ran
     * @param exitCode the command's exit status, or null
     * @param error why it could not run or was stopped (one line), or null
     */
    public record Outcome(Target target, Status status, String route, Integer exitCode, String output, String stderr,
            String error, Duration took) {
        public static Outcome ran(Target t, String route, int exitCode, String output, String stderr, Duration took) {
            return new Outcome(t, exitCode == 0 ? Status.SUCCEEDED : Status.FAILED, route, exitCode, output, stderr, null, took);
        }

        public static Outcome error(Target t, String route, String error, Duration took) {
            return new Outcome(t, Status.ERROR, route, null, "", "", error, took);
        }
    }

    /**
     * Runs the command on one member; may block; must stop when interrupted (returning a
     * {@link Status#STOPPED} outcome, or throwing InterruptedException).
     */
    @FunctionalInterface
    public interface Runner {
        Outcome run(Target target) throws InterruptedException;
    }

    /** Sees the run as it goes, always on the caller's thread. */
    public interface Listener {
        /** A member finished (in completion order); counts include it. */
        void finished(Outcome o, int done, int total, int failures);

        /** Ctrl-C: {@code notStarted} members will not run, {@code running} are being stopped. */
        default void cancelling(int notStarted, int running) {
        }
    }

    /** The outcomes in {@code targets} order, and whether Ctrl-C cut the run short. */
    public record Summary(List<Outcome> outcomes, boolean cancelled) {
        public long count(Status s) {
            return outcomes.stream().filter(o -> o.status() == s).count();
        }

        public List<Outcome> failures() {
            return outcomes.stream().filter(o -> o.status().failure()).toList();
        }
    }

    private FleetRun() {
    }

    /** Runs {@code runner} on every target, at most {@code parallel} at once; blocks until all are done or cancelled. */
    public static Summary run(List<Target> targets, int parallel, Runner runner, Listener listener) {
        int total = targets.size();
        Outcome[] results = new Outcome[total];
        if (total == 0) {
            return new Summary(List.of(), false);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        BlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
        boolean[] started = new boolean[total];
        AtomicInteger workerIds = new AtomicInteger();
        int workers = Math.max(1, Math.min(parallel, total));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "aksh-fleet-" + workerIds.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int w = 0; w < workers; w++) {
            pool.execute(() -> {
                while (!cancelled.get()) {
                    int i;
                    synchronized (started) {
                        if (cancelled.get()) {
                            return;
                        }
                        i = next.getAndIncrement();
                        if (i >= total) {
                            return;
                        }
                        started[i] = true;
                    }
                    long t0 = System.nanoTime();
                    Outcome o;
                    try {
                        o = runner.run(targets.get(i));
                    } catch (InterruptedException e) {
                        o = stopped(targets.get(i), null, "stopped waiting (Ctrl-C)", t0);
                    } catch (RuntimeException e) {
                        o = Outcome.error(targets.get(i), null, String.valueOf(e.getMessage()), since(t0));
                    }
                    if (o.took() == null) {
                        o = new Outcome(o.target(), o.status(), o.route(), o.exitCode(), o.output(), o.stderr(), o.error(),
                                since(t0));
                    }
                    results[i] = o;
                    finished.add(i);
                }
            });
        }
        pool.shutdown();
        int done = 0;
        int failures = 0;
        boolean interrupted = false;
        try {
            while (done < total) {
                Integer i = finished.poll(200, TimeUnit.MILLISECONDS);
                if (i == null) {
                    continue;
                }
                done++;
                if (results[i].status().failure()) {
                    failures++;
                }
                listener.finished(results[i], done, total, failures);
            }
        } catch (InterruptedException e) {
            interrupted = true;
            int notStarted;
            synchronized (started) {
                cancelled.set(true);
                notStarted = Math.max(0, total - Math.min(next.get(), total));
            }
            int running = total - notStarted - done;
            listener.cancelling(notStarted, running);
            pool.shutdownNow(); // interrupts the running members: they stop waiting and say so
            long deadline = System.nanoTime() + STOP_GRACE.toNanos();
            while (done < total - notStarted) {
                long left = deadline - System.nanoTime();
                Integer i;
                try {
                    i = left <= 0 ? null : finished.poll(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException again) {
                    i = null;
                }
                if (i == null) {
                    break;
                }
                done++;
                if (results[i].status().failure()) {
                    failures++;
                }
                listener.finished(results[i], done, total, failures);
            }
        }
        List<Outcome> ordered = new ArrayList<>(total);
        synchronized (started) {
            for (int i = 0; i < total; i++) {
                Outcome o = results[i];
                if (o == null) {
                    o = started[i] ? new Outcome(targets.get(i), Status.STOPPED, null, null, "", "",
                            "still running when aksh stopped waiting (Ctrl-C)", null)
                            : new Outcome(targets.get(i), Status.CANCELLED, null, null, "", "", "not started (Ctrl-C)", null);
                }
                ordered.add(o);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Summary(ordered, interrupted);
    }

    private static Outcome stopped(Target t, String route, String why, long t0) {
        return new Outcome(t, Status.STOPPED, route, null, "", "", why, since(t0));
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
