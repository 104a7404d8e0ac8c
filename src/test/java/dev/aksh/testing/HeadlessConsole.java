package dev.aksh.testing;

import dev.aksh.render.Console;
import dev.aksh.render.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A console writing into strings, answering questions from a script of answers. */
public final class HeadlessConsole implements Console {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final boolean colour;
    private final boolean interactive;
    private final Deque<Boolean> confirmations = new ArrayDeque<>();
    private final Deque<Integer> picks = new ArrayDeque<>();
    private final List<String> questions = new ArrayList<>();

    public HeadlessConsole() {
        this(false, false);
    }

    public HeadlessConsole(boolean colour, boolean interactive) {
        this.colour = colour;
        this.interactive = interactive;
    }

    private volatile boolean terminalOutput;

    /** Says results go to a terminal (as a script's stdout may), though nobody answers questions. */
    public HeadlessConsole terminalOutput(boolean yes) {
        terminalOutput = yes;
        return this;
    }

    @Override
    public boolean outputToTerminal() {
        return terminalOutput || interactive;
    }

    /** Queues the answer to the next confirmation. */
    public HeadlessConsole answer(boolean yes) {
        confirmations.add(yes);
        return this;
    }

    /** Queues the answer to the next choice: the index picked, or -1 to decline. */
    public HeadlessConsole pick(int index) {
        picks.add(index);
        return this;
    }

    /** What was written to stdout. */
    public String stdout() {
        outWriter.flush();
        return out.toString();
    }

    /** What was written to stderr. */
    public String stderr() {
        errWriter.flush();
        return err.toString();
    }

    public List<String> questions() {
        return questions;
    }

    /** Forgets what was written so far. */
    public void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    @Override
    public PrintWriter out() {
        return outWriter;
    }

    @Override
    public PrintWriter err() {
        return errWriter;
    }

    @Override
    public boolean colour() {
        return colour;
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public int width() {
        return 0;
    }

    @Override
    public boolean confirm(String question) {
        questions.add(question);
        return !confirmations.isEmpty() && confirmations.removeFirst();
    }

    @Override
    public int choose(String question, List<String> choices) {
        questions.add(question + " " + String.join(" | ", choices));
        return picks.isEmpty() ? -1 : picks.removeFirst();
    }

    @Override
    public Progress progress(String label) {
        return Progress.NONE;
    }
}
