package dev.aksh.invoke;

import java.time.Duration;

/**
 * When to ask again whether a command has finished: what ARM's {@code Retry-After} says when it
 * says something; otherwise soon at first and less often as the wait grows — an eighth of the time
 * waited so far, between 250 ms and 2 s — so a short command is seen finished within a quarter
 * second and a long one costs at most one request every 2 s. (az polls every 5 s.) The schedule is
 * kept at a fixed rate from the submission: a slow answer (ARM often takes 100–300 ms) shortens the
 * next wait instead of pushing every later poll back.
 */
public final class PollSchedule {
    public static final Duration FIRST = Duration.ofMillis(250);
    public static final Duration MAX = Duration.ofSeconds(2);

    private PollSchedule() {
    }

    /**
     * @param elapsed how long since the command was submitted
     * @param retryAfter ARM's Retry-After, or null
     */
    public static Duration next(Duration elapsed, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter;
        }
        Duration d = elapsed.dividedBy(8);
        if (d.compareTo(FIRST) < 0) {
            return FIRST;
        }
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
