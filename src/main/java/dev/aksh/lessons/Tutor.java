package dev.aksh.lessons;

import dev.aksh.error.AkshException;
import dev.aksh.sandbox.FakeAzure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one lesson at a time: starts it on a freshly reset sandbox, checks its goals in order
 * (after every command, and when asked), gives hints, takes answers, and says when it is done.
 */
public final class Tutor {
    /** A goal as the trainee sees it. */
    public record GoalState(int number, String text, boolean met, String missing) {
    }

    /** Where a lesson stands. */
    public record Status(Lesson lesson, List<GoalState> goals, boolean complete, Duration took, List<String> files) {
    }

    private final Supplier<FakeAzure> sandbox;
    private final Runnable reset;
    private final Path filesRoot;
    private final Clock clock;
    private final List<Lesson> lessons;
    private Run run;

    private static final class Run {
        final Lesson lesson;
        final Instant started;
        final long[] metAt; // the event sequence when each goal was met (-1: not yet)
        final int[] hints;
        final List<String> answers = new ArrayList<>();
        final Map<String, Path> files;
        long startSeq;
        long checkedSeq; // the latest event seen by the previous check
        Instant finished;

        Run(Lesson lesson, Instant started, Map<String, Path> files) {
            this.lesson = lesson;
            this.started = started;
            this.files = files;
            this.metAt = new long[lesson.goals().size()];
            this.hints = new int[lesson.goals().size()];
            java.util.Arrays.fill(metAt, -1);
        }

        int met() {
            int n = 0;
            while (n < metAt.length && metAt[n] >= 0) {
                n++;
            }
            return n;
        }
    }

    /**
     * @param reset resets the sandbox the way 'sandbox reset' does (the session's tunnels and context follow)
     * @param filesRoot where lessons write the files they hand out
     */
    public Tutor(Supplier<FakeAzure> sandbox, Runnable reset, Path filesRoot, Clock clock) {
        this(sandbox, reset, filesRoot, clock, Lessons.all());
    }

    Tutor(Supplier<FakeAzure> sandbox, Runnable reset, Path filesRoot, Clock clock, List<Lesson> lessons) {
        this.sandbox = sandbox;
        this.reset = reset;
        this.filesRoot = filesRoot;
        this.clock = clock;
        this.lessons = List.copyOf(lessons);
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    /** The lesson numbered {@code n}, or a usage error naming the ones there are. */
    public Lesson lesson(int n) {
        return lessons.stream().filter(l -> l.number() == n).findFirst().orElseThrow(() -> AkshException.usage(
                "there is no lesson " + n, "'sandbox lessons' lists lessons 1-" + lessons.size()));
    }

    /**
     * Starts lesson {@code n}: resets the sandbox to its world, applies the lesson's setup, writes its
     * files. A lesson already running is left (its progress is dropped).
     */
    public synchronized Status start(int n) {
        Lesson lesson = lesson(n);
        Map<String, Path> files = writeFiles(lesson);
        reset.run();
        FakeAzure f = sandbox.get();
        lesson.setup().accept(f);
        run = new Run(lesson, clock.instant(), files);
        run.startSeq = f.activity().last();
        run.checkedSeq = run.startSeq;
        return status(run);
    }

    /** The running (or just finished) lesson's state as of the last check, or null when none runs. */
    public synchronized Status status() {
        return run == null ? null : status(run);
    }

    /** How many goals the running lesson has (0 when none runs). */
    public synchronized int goalCount() {
        return run == null ? 0 : run.lesson.goals().size();
    }

    /** Whether a lesson is running (finished ones stay until another starts or it is stopped). */
    public synchronized boolean active() {
        return run != null && run.finished == null;
    }

    /**
     * Checks the goals in order; returns those met by this check (numbered from 1) — empty when
     * nothing changed or no lesson runs. A goal sees what happened since the check before the one
     * that met the goal ahead of it: one command may meet two goals in a row (add your IP, then
     * wait until the API server answers), but nothing done before a goal's turn counts for it.
     */
    public synchronized List<GoalState> check() {
        List<GoalState> newly = new ArrayList<>();
        if (run == null || run.finished != null) {
            return newly;
        }
        FakeAzure f = sandbox.get();
        long now = f.activity().last();
        List<Lesson.Goal> goals = run.lesson.goals();
        for (int i = run.met(); i < goals.size(); i++) {
            String missing = goals.get(i).check().missing(look(run, i, f));
            if (missing != null) {
                break;
            }
            run.metAt[i] = run.checkedSeq;
            newly.add(new GoalState(i + 1, text(goals.get(i).text()), true, null));
        }
        run.checkedSeq = now;
        if (run.met() == goals.size()) {
            run.finished = clock.instant();
        }
        return newly;
    }

    /** The next hint for the first goal not met yet (each call gives the next one, then repeats the last). */
    public synchronized String hint() {
        Run r = require();
        int g = r.met();
        if (g >= r.lesson.goals().size()) {
            return "Every goal is met: 'sandbox lessons' lists the others.";
        }
        List<String> hints = r.lesson.goals().get(g).hints();
        String h = hints.get(Math.min(r.hints[g], hints.size() - 1));
        r.hints[g]++;
        return "Goal " + (g + 1) + ": " + text(h);
    }

    /** Records an answer for goals that ask a question. */
    public synchronized void answer(String text) {
        Run r = require();
        r.answers.add(text);
    }

    /** Leaves the lesson (the sandbox keeps its state). */
    public synchronized Lesson stop() {
        Run r = require();
        run = null;
        return r.lesson;
    }

    /** The summary of the finished lesson, or null while it runs. */
    public synchronized String summary() {
        return run == null || run.finished == null ? null : run.lesson.summary();
    }

    /** A lesson's text with its placeholders filled: {@code {myIp}}, {@code {file:NAME}}. */
    public synchronized String text(String s) {
        String out = s;
        FakeAzure f = sandbox.get();
        out = out.replace("{myIp}", f.world().myIp());
        if (run != null) {
            for (Map.Entry<String, Path> e : run.files.entrySet()) {
                out = out.replace("{file:" + e.getKey() + "}", e.getValue().toString());
            }
        }
        return out;
    }

    private Run require() {
        if (run == null) {
            throw AkshException.usage("no lesson is running", "'sandbox lessons' lists them; 'sandbox lesson N' starts one");
        }
        return run;
    }

    private Status status(Run r) {
        List<GoalState> goals = new ArrayList<>();
        int met = r.met();
        FakeAzure f = sandbox.get();
        for (int i = 0; i < r.lesson.goals().size(); i++) {
            Lesson.Goal g = r.lesson.goals().get(i);
            String missing = null;
            if (i == met) {
                missing = g.check().missing(look(r, i, f));
            }
            goals.add(new GoalState(i + 1, text(g.text()), i < met, missing == null ? null : text(missing)));
        }
        Instant end = r.finished != null ? r.finished : clock.instant();
        return new Status(r.lesson, goals, r.finished != null, Duration.between(r.started, end),
                r.files.values().stream().map(Path::toString).toList());
    }

    /** What goal {@code i} may see: what happened since the goal before it was met (or the lesson began). */
    private static Lesson.Look look(Run r, int i, FakeAzure f) {
        long after = i == 0 ? r.startSeq : r.metAt[i - 1];
        return new Lesson.Look(f, f.activity().since(after), List.copyOf(r.answers));
    }

    private Map<String, Path> writeFiles(Lesson lesson) {
        Map<String, Path> out = new LinkedHashMap<>();
        if (lesson.files().isEmpty()) {
            return out;
        }
        Path dir = filesRoot.resolve("lesson-" + lesson.number());
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : lesson.files().entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.writeString(p, e.getValue());
                out.put(e.getKey(), p);
            }
        } catch (IOException e) {
            throw AkshException.usage("cannot write the lesson's files to " + dir + ": " + e.getMessage(),
                    "check that the aksh config directory is writable");
        }
        return out;
    }
}
