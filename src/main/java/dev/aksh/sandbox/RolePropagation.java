package dev.aksh.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * Azure RBAC's propagation delay, as a fault: for a while the data plane (a Fleet hub's API server)
 * honours none of the identity's role assignments, as if they had been made moments ago, while ARM
 * lists them as usual. Real assignments take up to a few minutes to apply.
 */
final class RolePropagation {
    private volatile Instant until = Instant.MIN;

    /** Role assignments are not honoured for {@code delay} from now (zero: honoured again at once). */
    void delay(Duration delay) {
        until = delay.isZero() || delay.isNegative() ? Instant.MIN : Instant.now().plus(delay);
    }

    /** Whether assignments are still on their way to the data plane. */
    boolean pending() {
        return Instant.now().isBefore(until);
    }

    /** Seconds left, rounded up (0 when none). */
    long secondsLeft() {
        long ms = Duration.between(Instant.now(), until).toMillis();
        return ms <= 0 ? 0 : (ms + 999) / 1000;
    }
}
