package dev.aksh.shell.commands;

/** How a command asks the loop around it to end the session (with {@code exit} / {@code quit}). */
public final class ShellControl {
    private volatile Integer exitCode;

    public void requestExit(int code) {
        exitCode = code;
    }

    /** The exit code asked for, or null while the session goes on. */
    public Integer exitRequested() {
        return exitCode;
    }
}
