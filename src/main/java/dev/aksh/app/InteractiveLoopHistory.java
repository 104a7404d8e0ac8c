package dev.aksh.app;

/** The interactive shell's history, which redacts secrets before it keeps a line (public for tests). */
public final class InteractiveLoopHistory extends InteractiveLoop.RedactingHistory {
}
