package dev.aksh.shell;

import dev.aksh.error.AkshException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does, so quoting is the same in the
 * interactive shell, in scripts, and in {@code -c}:
 *
 * <ul>
 *   <li>blanks separate words; {@code 'single quotes'} keep everything literally;
 *   <li>{@code "double quotes"} keep everything but {@code \"}, {@code \\}, {@code \$} and {@code \`};
 *   <li>outside quotes, a backslash keeps the next character literally;
 *   <li>an unquoted {@code ;} ends a command, an unquoted {@code #} at the start of a word starts a
 *       comment that runs to the end of the line.
 * </ul>
 *
 * No variable expansion, globbing or pipes: the text inside {@code invoke "..."} goes to the remote
 * bash unchanged.
 */
public final class Tokenizer {

    /** A word and where it came from in the line ({@code end} is exclusive). */
    public record Token(String text, int start, int end) {
    }

    /** The result of tokenizing: the words, and the open quote character if the line ended inside one. */
    public record Tokens(List<List<Token>> statements, char openQuote, boolean endsInWord) {
        public boolean complete() {
            return openQuote == 0;
        }

        /** All words of all statements, for callers that do not split on ';'. */
        public List<Token> all() {
            List<Token> all = new ArrayList<>();
            statements.forEach(all::addAll);
            return all;
        }
    }

    private Tokenizer() {
    }

    /** Tokenizes a whole line; an unterminated quote is reported as a usage error. */
    public static List<List<String>> statements(String line) {
        Tokens t = scan(line);
        if (!t.complete()) {
            throw AkshException.usage("unterminated " + (t.openQuote() == '\'' ? "single" : "double") + " quote",
                    "close the quote, or escape it with a backslash");
        }
        List<List<String>> out = new ArrayList<>();
        for (List<Token> st : t.statements()) {
            if (!st.isEmpty()) {
                out.add(st.stream().map(Token::text).toList());
            }
        }
        return out;
    }

    /**
     * Scans a line without failing: used for completion, where the line may end inside a quote.
     */
    public static Tokens scan(String line) {
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        StringBuilder word = null;
        int start = 0;
        char quote = 0;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < n && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (word != null) {
                    current.add(new Token(word.toString(), start, i));
                    word = null;
                }
                continue;
            }
            if (c == ';') {
                if (word != null) {
                    current.add(new Token(word.toString(), start, i));
                    word = null;
                }
                statements.add(current);
                current = new ArrayList<>();
                continue;
            }
            if (c == '#' && word == null) {
                break; // comment to end of line
            }
            if (word == null) {
                word = new StringBuilder();
                start = i;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                if (i + 1 < n) {
                    word.append(line.charAt(++i));
                }
            } else {
                word.append(c);
            }
        }
        boolean endsInWord = word != null;
        if (word != null) {
            current.add(new Token(word.toString(), start, n));
        }
        statements.add(current);
        return new Tokens(statements, quote, endsInWord);
    }

    /** Quotes a word so that {@link #statements} reads it back unchanged. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || "-_./:=@,+%".indexOf(ch) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
