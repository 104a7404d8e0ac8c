package dev.aksh.render;

import java.io.PrintWriter;
import java.util.List;

/**
 * The one seam between commands and the terminal. Commands write results to {@link #out()} and
 * diagnostics to {@link #err()}; nothing else touches {@code System.out} or the JLine terminal.
 * Headless implementations write into a {@code StringWriter}.
 */
public interface Console {
    /** Where results go (stdout). */
    PrintWriter out();

    /** Where diagnostics, warnings and errors go (stderr). */
    PrintWriter err();

    /** Whether ANSI styling is on: a terminal, and neither NO_COLOR nor --no-color. */
    boolean colour();

    /** Whether a person is there to answer questions (an interactive terminal session). */
    boolean interactive();

    /** Whether results go to a terminal (where a person may read them), even when nobody can answer questions. */
    default boolean outputToTerminal() {
        return interactive();
    }

    /** Columns available, or 0 when unknown (off a terminal). */
    int width();

    /** {@code text} in {@code style} when colour is on, else as is. */
    default String style(String text, Style style) {
        return colour() && style != null ? style.ansi(text) : text;
    }

    /** Prints a warning line to {@link #err()}. */
    default void warn(String message) {
        err().println(style("warning: ", Style.WARN) + message);
        err().flush();
    }

    /** Prints a note line to {@link #err()} (kept off stdout so results stay parseable). */
    default void note(String message) {
        err().println(style(message, Style.DIM));
        err().flush();
    }

    /**
     * Asks a yes/no question. Off a terminal there is nobody to ask, so implementations answer with
     * what --yes said, and callers refuse when the answer is no.
     */
    boolean confirm(String question);

    /**
     * Asks the operator to pick one of {@code choices}; returns its index, or -1 if declined or if
     * nobody can answer (off a terminal).
     */
    int choose(String question, List<String> choices);

    /** Starts a progress indicator for a running operation. */
    Progress progress(String label);
}
