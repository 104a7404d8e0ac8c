package dev.aksh.render;

/** What a piece of text means, so the console can colour it when colour is on. */
public enum Style {
    PLAIN(""),
    BOLD("1"),
    DIM("2"),
    HEADER("1"),
    OK("32"),
    WARN("33"),
    BAD("31"),
    ACCENT("36"),
    SANDBOX("1;35"),
    DANGER("1;37;41");

    private final String sgr;

    Style(String sgr) {
        this.sgr = sgr;
    }

    /** Wraps {@code text} in this style's ANSI SGR sequence. */
    public String ansi(String text) {
        if (sgr.isEmpty() || text.isEmpty()) {
            return text;
        }
        return "\u001b[" + sgr + "m" + text + "\u001b[0m";
    }
}
