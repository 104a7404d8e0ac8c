package dev.aksh.testing;

import dev.aksh.error.AkshException;

/** What an operator would read when something is refused: the exit code and the one line. */
public final class Errors {
    private Errors() {
    }

    /** Runs {@code r}, which must fail with an AkshException; returns "CODE line". */
    public static String oneLine(Runnable r) {
        try {
            r.run();
        } catch (AkshException e) {
            return e.exitCode().code() + " " + e.oneLine();
        }
        throw new AssertionError("no error");
    }
}
