package dev.aksh.shell.completion;

/**
 * A completion candidate: the value inserted, and a short description shown beside it.
 *
 * @param complete whether a space follows the value when it is accepted
 * @param display what the list shows, when not the value (the last word of a quoted command)
 */
public record Suggestion(String value, String description, boolean complete, String display) {
    public Suggestion(String value, String description, boolean complete) {
        this(value, description, complete, null);
    }

    public static Suggestion of(String value) {
        return new Suggestion(value, null, true, null);
    }

    public static Suggestion of(String value, String description) {
        return new Suggestion(value, description, true, null);
    }

    /** What the candidate list shows. */
    public String shown() {
        return display != null ? display : value;
    }
}
