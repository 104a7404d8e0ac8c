package dev.aksh.lessons;

import dev.aksh.sandbox.Activity;
import dev.aksh.sandbox.FakeAzure;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A guided lesson: a brief, goals checked against the sandbox (its state and what its servers saw),
 * hints, and a summary of what the lesson showed.
 *
 * @param seed the seed document it practises (000–004)
 * @param setup changes to the freshly reset world before the lesson starts (none for most)
 * @param files files the lesson hands the trainee (name → content), written next to the config
 */
public record Lesson(int number, String title, String seed, String brief, List<Goal> goals, String summary,
        Consumer<FakeAzure> setup, Map<String, String> files) {

    /**
     * One goal. {@code check} says what is still missing, or null once the goal is met; it sees only
     * what happened after the previous goal was met.
     */
    public record Goal(String text, List<String> hints, Check check) {
    }

    /** Whether a goal is met. */
    @FunctionalInterface
    public interface Check {
        /** @return null when met, else what is missing (one short line) */
        String missing(Look look);
    }

    /**
     * What a check may look at: the sandbox, the events since the previous goal was met, and the
     * trainee's answers.
     */
    public record Look(FakeAzure sandbox, List<Activity.Event> events, List<String> answers) {
    }
}
