package dev.aksh.render;

/** A running operation shown to the operator: a spinner with elapsed time on a terminal, nothing elsewhere. */
public interface Progress extends AutoCloseable {
    /** Replaces the state text shown beside the spinner. */
    void state(String state);

    /**
     * Prints lines above the progress line: {@code print} writes (and flushes) whole lines while the
     * spinner is held off, and the spinner is drawn again below them.
     */
    default void above(Runnable print) {
        print.run();
    }

    /** Removes the spinner line. */
    @Override
    void close();

    Progress NONE = new Progress() {
        @Override
        public void state(String state) {
        }

        @Override
        public void close() {
        }
    };
}
