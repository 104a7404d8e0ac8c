package dev.aksh.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of a command line before it is kept (history): values of options and
 * assignments whose names say token, password, secret or key, bearer tokens, JWTs, and storage
 * connection-string keys. The command itself still ran with them.
 */
public final class Redaction {
    public static final String MASK = "***";

    private static final String NAMES = "(?:[A-Za-z0-9_-]*(?:token|password|passwd|pwd|secret|api[-_]?key|access[-_]?key|"
            + "account[-_]?key|client[-_]?secret|sas))";
    private static final List<Pattern> PATTERNS = List.of(
            // --password VALUE, --client-secret=VALUE, -p=VALUE is left alone (too many meanings)
            Pattern.compile("(?i)(--" + NAMES + ")(=|\\s+)(\"[^\"]*\"|'[^']*'|[^\\s\"']+)"),
            // NAME=VALUE, NAME: VALUE (env assignments, connection strings, headers)
            Pattern.compile("(?i)\\b(" + NAMES + ")(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s;&|\"']+)"),
            // Authorization: Bearer VALUE / bearer VALUE
            Pattern.compile("(?i)\\b(bearer)(\\s+)([A-Za-z0-9._~+/=-]+)"),
            // a JWT anywhere
            Pattern.compile("()()(eyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]*)"));

    private Redaction() {
    }

    public static String redact(String line) {
        String out = line;
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = m.group(3);
                String quote = value.startsWith("\"") ? "\"" : value.startsWith("'") ? "'" : "";
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + quote + MASK + quote));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }
}
