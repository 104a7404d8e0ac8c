package dev.aksh.error;

/**
 * The exit statuses of aksh: an API for scripts, documented in README.md.
 *
 * <p>aksh's own failures use 64–70 (in the spirit of sysexits.h) so they stay apart from the small
 * numbers that remote commands return: {@code invoke} exits with the remote command's own status
 * whenever the remote command ran.
 */
public enum ExitCode {
    OK(0, "the command succeeded"),
    USAGE(64, "bad command line: unknown command or option, missing or malformed argument"),
    NOT_FOUND(65, "a subscription, cluster or other resource does not exist"),
    AUTH(66, "not signed in, credential rejected, or access denied (401/403)"),
    REFUSED(67, "refused by a safety check: read-only mode, a lockout guard, a declined confirmation"),
    REMOTE(68, "Azure (ARM) or the remote side failed: 4xx/5xx, a failed operation, a failed run"),
    NETWORK(69, "the network failed: connection refused, DNS, TLS, timeout"),
    INTERNAL(70, "a bug in aksh; run with --debug or 'stacktrace' and report it"),
    PENDING(75, "still running: the operation goes on; ask for its result later"),
    INTERRUPTED(130, "cancelled with Ctrl-C");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static ExitCode of(int code) {
        for (ExitCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
