package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Long-running operations of the fake ARM: each ends after its duration, applies its effect to the
 * state (under the state's lock), and is polled through {@code operations/{id}} (Azure-AsyncOperation)
 * or {@code operationresults/{id}} (Location), as ARM does.
 */
public final class Operations {

    /** One operation; {@code status} moves from InProgress to Succeeded (or Failed). */
    public static final class Op {
        final String id;
        final Instant start;
        final Instant end;
        volatile String status = "InProgress";
        volatile String error;
        volatile boolean cancelled;

        Op(String id, Instant start, Instant end) {
            this.id = id;
            this.start = start;
            this.end = end;
        }

        public String id() {
            return id;
        }

        public String status() {
            return status;
        }

        boolean done() {
            return !"InProgress".equals(status);
        }
    }

    private final ArmState state;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Op> ops = new ConcurrentHashMap<>();

    public Operations(ArmState state, ScheduledExecutorService scheduler) {
        this.state = state;
        this.scheduler = scheduler;
    }

    /** Starts an operation that runs {@code effect} (under the state lock) after {@code duration}. */
    public Op start(Duration duration, Runnable effect) {
        Instant now = Instant.now();
        Op op = new Op(ArmState.newId(), now, now.plus(duration));
        ops.put(op.id, op);
        scheduler.schedule(() -> {
            synchronized (state) {
                if (op.cancelled) {
                    return; // the world was replaced while it ran
                }
                try {
                    effect.run();
                    op.status = "Succeeded";
                } catch (RuntimeException e) {
                    op.error = String.valueOf(e.getMessage());
                    op.status = "Failed";
                }
            }
        }, Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS);
        return op;
    }

    /** How many operations have not finished. */
    int running() {
        return (int) ops.values().stream().filter(o -> !o.done()).count();
    }

    /** Forgets every operation; those still running never take effect. */
    void forgetAll() {
        ops.values().forEach(o -> o.cancelled = true);
        ops.clear();
    }

    public Op get(String id) {
        return ops.get(id);
    }

    /** Seconds a client should wait before polling again (ARM sends whole seconds). */
    public static String retryAfter(Op op) {
        long ms = Duration.between(Instant.now(), op.end).toMillis();
        return String.valueOf(Math.max(1, Math.min(10, (ms + 999) / 1000)));
    }

    /** The {@code Microsoft.ContainerService/locations/operations} resource: the Azure-AsyncOperation status. */
    static ResourceKind statusKind(String namespace, Operations operations) {
        return new ResourceKind() {
            @Override
            public String type() {
                return namespace + "/locations/operations";
            }

            @Override
            public ArmResponse get(FakeArm.Call call, ResourceId id) {
                Op op = operations.get(id.name());
                if (op == null) {
                    throw new ArmError(404, "NotFound", "Operation " + id.name() + " was not found.");
                }
                ObjectNode n = ArmState.JSON.createObjectNode();
                n.put("name", op.id);
                n.put("status", op.status);
                n.put("startTime", op.start.toString());
                if (op.done()) {
                    n.put("endTime", op.end.toString());
                }
                if (op.error != null) {
                    n.putObject("error").put("code", "OperationFailed").put("message", op.error);
                }
                ArmResponse r = ArmResponse.ok(n);
                return op.done() ? r : r.header("Retry-After", retryAfter(op));
            }
        };
    }

    /** The {@code …/locations/operationresults} resource: 202 with Location while running, 204 when done. */
    static ResourceKind resultKind(String namespace, Operations operations) {
        return new ResourceKind() {
            @Override
            public String type() {
                return namespace + "/locations/operationresults";
            }

            @Override
            public ArmResponse get(FakeArm.Call call, ResourceId id) {
                Op op = operations.get(id.name());
                if (op == null) {
                    throw new ArmError(404, "NotFound", "Operation " + id.name() + " was not found.");
                }
                if (!op.done()) {
                    return ArmResponse.empty(202)
                            .header("Location", call.request().link(call.request().path(), Map.of()))
                            .header("Retry-After", retryAfter(op));
                }
                if (op.error != null) {
                    throw new ArmError(500, "OperationFailed", op.error);
                }
                return ArmResponse.empty(204);
            }
        };
    }
}
