package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a trainee (or a test) switches on in a running sandbox: ARM throttling (429 with
 * Retry-After), transient 5xx, slow ARM answers, slow or unschedulable run-command pods, and
 * Bastion tunnels that drop after N bytes, role assignments still on their way to the data plane. ARM
 * faults apply to requests whose path contains {@code match} (any request when null), on the wire,
 * so aksh meets them exactly as it would meet Azure's.
 */
public final class Faults implements FakeArm.Interceptor {
    private record Counted(String kind, AtomicInteger left, int status, int retryAfterSeconds, String match) {
    }

    private record Slow(int ms, String match) {
    }

    private final List<Counted> counted = new ArrayList<>();
    private volatile Slow slow;
    private volatile long dropBytes = -1;
    private final BastionHosts bastions;
    private final RunCommands runCommands;

    private final RolePropagation roles;

    Faults(BastionHosts bastions, RunCommands runCommands, RolePropagation roles) {
        this.bastions = bastions;
        this.runCommands = runCommands;
        this.roles = roles;
    }

    /**
     * For {@code seconds} from now, Fleet hubs honour none of the identity's role assignments (ARM
     * still lists them), as right after they are made; 0 ends it.
     */
    public void rbacDelay(int seconds) {
        roles.delay(java.time.Duration.ofSeconds(seconds));
    }

    /** Run-command pods take {@code ms} longer (0: as the world says). */
    public void slowCommands(int ms) {
        runCommands.slowCommands(ms);
    }

    /**
     * Run-command pods cannot be scheduled on {@code cluster} ("*": any; null: off): the command
     * fails after a (shortened) scheduling timeout of 5 s with AKS's reason.
     */
    public void unschedulable(String cluster) {
        runCommands.unschedulable(cluster);
    }

    /** The next {@code count} matching requests answer 429 with Retry-After. */
    public synchronized void throttle(int count, int retryAfterSeconds, String match) {
        counted.add(new Counted("throttle", new AtomicInteger(count), 429, retryAfterSeconds, norm(match)));
    }

    /** The next {@code count} matching requests answer {@code status} (500, 502, 503 or 504). */
    public synchronized void errors(int count, int status, String match) {
        counted.add(new Counted("errors", new AtomicInteger(count), status, 0, norm(match)));
    }

    /** Every matching request waits {@code ms} first (0 turns it off). */
    public void slow(int ms, String match) {
        slow = ms <= 0 ? null : new Slow(ms, norm(match));
    }

    /** Tunnels opened from now on drop after carrying {@code bytes} from the cluster (-1: never). */
    public void dropTunnelsAfter(long bytes) {
        dropBytes = bytes;
        bastions.dropTunnelsAfter(bytes);
    }

    public synchronized void clear() {
        counted.clear();
        slow = null;
        dropTunnelsAfter(-1);
        runCommands.slowCommands(0);
        runCommands.unschedulable(null);
        roles.delay(java.time.Duration.ZERO);
    }

    /** What is active, one line each. */
    public synchronized List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Counted c : counted) {
            if (c.left().get() > 0) {
                out.add(c.kind().equals("throttle")
                        ? "throttle: the next " + c.left().get() + " ARM requests" + where(c.match()) + " answer 429, Retry-After "
                                + c.retryAfterSeconds() + "s"
                        : "errors: the next " + c.left().get() + " ARM requests" + where(c.match()) + " answer " + c.status());
            }
        }
        Slow s = slow;
        if (s != null) {
            out.add("slow: ARM requests" + where(s.match()) + " wait " + s.ms() + " ms");
        }
        String pods = runCommands.describeFaults();
        if (!pods.isEmpty()) {
            out.addAll(List.of(pods.split("; ")));
        }
        if (roles.pending()) {
            out.add("rbac-delay: Fleet hubs honour no role assignment for " + roles.secondsLeft() + "s more");
        }
        if (dropBytes >= 0) {
            out.add("drop-tunnels: new Bastion tunnels drop after " + dropBytes + " bytes");
        }
        return out;
    }

    @Override
    public ArmResponse before(ArmRequest request) {
        String path = request.path().toLowerCase(Locale.ROOT);
        Slow s = slow;
        if (s != null && (s.match() == null || path.contains(s.match()))) {
            try {
                Thread.sleep(s.ms());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Counted hit = null;
        synchronized (this) {
            for (Counted c : counted) {
                if ((c.match() == null || path.contains(c.match())) && c.left().get() > 0) {
                    c.left().decrementAndGet();
                    hit = c;
                    break;
                }
            }
            counted.removeIf(c -> c.left().get() <= 0);
        }
        if (hit == null) {
            return null;
        }
        if (hit.status() == 429) {
            return ArmResponse.error(new ArmError(429, "TooManyRequests", "The request is being throttled (sandbox fault)."))
                    .header("Retry-After", String.valueOf(hit.retryAfterSeconds()));
        }
        ObjectNode body = ArmState.JSON.createObjectNode();
        body.putObject("error").put("code", hit.status() == 503 ? "ServiceUnavailable" : "InternalServerError")
                .put("message", "A transient error occurred (sandbox fault).");
        return ArmResponse.of(hit.status(), body);
    }

    private static String norm(String match) {
        return match == null || match.isBlank() ? null : match.toLowerCase(Locale.ROOT);
    }

    private static String where(String match) {
        return match == null ? "" : " matching '" + match + "'";
    }
}
