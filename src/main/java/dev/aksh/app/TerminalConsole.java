package dev.aksh.app;

import dev.aksh.render.Console;
import dev.aksh.render.Progress;
import dev.aksh.render.Spinner;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/** The console of the interactive shell: the JLine terminal, questions answered at the keyboard. */
final class TerminalConsole implements Console {
    private final Terminal terminal;
    private final PrintWriter writer;
    private final boolean colour;
    private volatile LineReader questions;

    TerminalConsole(Terminal terminal, boolean colour) {
        this.terminal = terminal;
        this.writer = terminal.writer();
        this.colour = colour && !Terminal.TYPE_DUMB.equals(terminal.getType())
                && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }

    /** The reader used to ask questions (a plain one, without completion or history). */
    void questions(LineReader reader) {
        this.questions = reader;
    }

    @Override
    public PrintWriter out() {
        return writer;
    }

    @Override
    public PrintWriter err() {
        return writer;
    }

    @Override
    public boolean colour() {
        return colour;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public int width() {
        return terminal.getWidth();
    }

    @Override
    public boolean confirm(String question) {
        String answer = ask(question + " [y/N] ");
        if (answer == null) {
            return false;
        }
        String a = answer.trim().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }

    @Override
    public int choose(String question, List<String> choices) {
        writer.println(question);
        for (int i = 0; i < choices.size(); i++) {
            writer.println("  " + (i + 1) + ") " + choices.get(i));
        }
        writer.flush();
        String answer = ask("Choose 1-" + choices.size() + " (Enter to cancel): ");
        if (answer == null || answer.isBlank()) {
            return -1;
        }
        try {
            int n = Integer.parseInt(answer.trim());
            return n >= 1 && n <= choices.size() ? n - 1 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String ask(String prompt) {
        writer.flush();
        LineReader r = questions;
        if (r == null) {
            return null;
        }
        try {
            return r.readLine(prompt);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    @Override
    public Progress progress(String label) {
        writer.flush();
        return new Spinner(writer, label);
    }
}
