package dev.aksh.shell.completion;

/**
 * A completion candidate: the value inserted, and a short description shown beside it.
 *
 * @param complete whether a space follows the value when it is accepted
 */
public record Suggestion(String value, String description, boolean complete) {
    public static Suggestion of(String value) {
        return new Suggestion(value, null, true);
    }

    public static Suggestion of(String value, String description) {
        return new Suggestion(value, description, true);
    }
}
