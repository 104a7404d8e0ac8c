package dev.aksh.text;

import java.util.ArrayList;
import java.util.List;

/** Word-wrapping for prose aksh prints (lesson briefs and summaries). */
public final class Wrap {
    private Wrap() {
    }

    /** {@code text} in lines of at most {@code width} characters (longer words stand alone). */
    public static List<String> lines(String text, int width) {
        return indented("", text, width);
    }

    /** Like {@link #lines}, the first line starting with {@code prefix}, the others indented as far. */
    public static List<String> indented(String prefix, String text, int width) {
        List<String> out = new ArrayList<>();
        String pad = " ".repeat(prefix.length());
        StringBuilder line = new StringBuilder(prefix);
        boolean empty = true;
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!empty && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line = new StringBuilder(pad);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        if (!empty || out.isEmpty()) {
            out.add(line.toString().stripTrailing());
        }
        return out;
    }
}
