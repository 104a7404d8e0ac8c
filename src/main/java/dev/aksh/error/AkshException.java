package dev.aksh.error;

/**
 * A failure the operator can act on: what was wrong, and what to do about it, with the exit code
 * scripts will see. Printed as one line: {@code error: <message>; <hint>}.
 */
public class AkshException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;
    private final String hint;

    public AkshException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public AkshException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** What the operator can do next, or null. */
    public String hint() {
        return hint;
    }

    /** The single line shown to the operator. */
    public String oneLine() {
        String m = getMessage();
        return hint == null || hint.isBlank() ? m : m + "; " + hint;
    }

    public static AkshException usage(String message, String hint) {
        return new AkshException(ExitCode.USAGE, message, hint);
    }

    public static AkshException notFound(String message, String hint) {
        return new AkshException(ExitCode.NOT_FOUND, message, hint);
    }

    public static AkshException auth(String message, String hint) {
        return new AkshException(ExitCode.AUTH, message, hint);
    }

    public static AkshException refused(String message, String hint) {
        return new AkshException(ExitCode.REFUSED, message, hint);
    }

    public static AkshException remote(String message, String hint) {
        return new AkshException(ExitCode.REMOTE, message, hint);
    }

    public static AkshException network(String message, String hint) {
        return new AkshException(ExitCode.NETWORK, message, hint);
    }
}
