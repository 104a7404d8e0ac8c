package dev.aksh.render;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The console for scripted use ({@code aksh < file}, {@code --script}, {@code -c}, one-shot): plain
 * streams, no questions (confirmations take their answer from {@code --yes}), colour and spinners
 * only when stdout is a terminal and colour is allowed.
 */
public final class StreamConsole implements Console {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean colour;
    private final boolean terminal;
    private final boolean assumeYes;

    /**
     * @param out stdout (through Jansi on a terminal, so colour works on Windows consoles too)
     * @param err stderr
     * @param terminal whether stdout is a terminal
     * @param colour whether to style output
     * @param assumeYes the answer to confirmations ({@code --yes})
     */
    public StreamConsole(PrintStream out, PrintStream err, boolean terminal, boolean colour, boolean assumeYes) {
        this.out = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        this.err = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        this.terminal = terminal;
        this.colour = colour;
        this.assumeYes = assumeYes;
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    @Override
    public boolean colour() {
        return colour;
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public boolean outputToTerminal() {
        return terminal;
    }

    @Override
    public int width() {
        return 0;
    }

    @Override
    public boolean confirm(String question) {
        return assumeYes;
    }

    @Override
    public int choose(String question, List<String> choices) {
        return -1;
    }

    @Override
    public Progress progress(String label) {
        out.flush();
        return terminal ? new Spinner(err, label) : Progress.NONE;
    }
}
