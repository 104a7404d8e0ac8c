package dev.aksh.app;

import dev.aksh.shell.Shell;
import dev.aksh.shell.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * Runs commands without a person at the keyboard: lines from stdin or a script file, {@code -c}
 * text, or one command from the command line. No prompt, no echo. The first failing command stops
 * the run with that command's exit status and an error naming its line, unless
 * {@code --continue-on-error}, in which case the run goes on and ends with the status of the last
 * command that failed.
 */
final class ScriptRunner {
    private final Aksh aksh;
    private final boolean continueOnError;

    ScriptRunner(Aksh aksh) {
        this.aksh = aksh;
        this.continueOnError = aksh.options().continueOnError();
    }

    /** Runs a script read line by line. A line ending in a backslash, or inside a quote, continues on the next. */
    int runLines(BufferedReader in) throws IOException {
        int failed = 0;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            int first = lineNo;
            StringBuilder text = new StringBuilder(line);
            while (continues(text)) {
                String next = in.readLine();
                if (next == null) {
                    break;
                }
                lineNo++;
                if (endsWithEscape(text)) {
                    text.setLength(text.length() - 1);
                } else {
                    text.append('\n');
                }
                text.append(next);
            }
            if (text.toString().isBlank()) {
                continue;
            }
            Shell.Outcome o = aksh.shell().executeLine(text.toString());
            if (!o.ok()) {
                report(o, "line " + first);
                failed = o.status();
            }
            Integer exit = aksh.control().exitRequested();
            if (exit != null) {
                return exit;
            }
            if (!o.ok() && !continueOnError) {
                return o.status();
            }
        }
        return failed;
    }

    /** Runs {@code -c} text: commands separated by ';' (or newlines). */
    int runText(String text) {
        List<List<String>> statements;
        try {
            statements = Tokenizer.statements(text.replace('\n', ';'));
        } catch (RuntimeException e) {
            Shell.Outcome o = aksh.shell().executeLine(text); // reports the same parse error
            aksh.report(o, null);
            return o.status();
        }
        int failed = 0;
        for (int i = 0; i < statements.size(); i++) {
            Shell.Outcome o = aksh.shell().execute(statements.get(i));
            if (!o.ok()) {
                report(o, statements.size() > 1 ? "command " + (i + 1) : null);
                failed = o.status();
            }
            Integer exit = aksh.control().exitRequested();
            if (exit != null) {
                return exit;
            }
            if (!o.ok() && !continueOnError) {
                return o.status();
            }
        }
        return failed;
    }

    /** Runs one command given as words ({@code aksh cluster list}): no re-splitting, no quoting surprises. */
    int runWords(List<String> words) {
        Shell.Outcome o = aksh.shell().execute(words);
        aksh.report(o, null);
        Integer exit = aksh.control().exitRequested();
        return exit != null ? exit : o.status();
    }

    /**
     * Reports a failed command; one that ended with a status of its own (a remote command's exit
     * status) and no error still gets a line, since it stops the script.
     */
    private void report(Shell.Outcome o, String where) {
        if (o.error() != null) {
            aksh.report(o, where);
        } else if (!continueOnError && where != null) {
            aksh.console().err().println(where + ": the command ended with exit status "
                    + o.status() + "; the script stops here (--continue-on-error goes on)");
            aksh.console().err().flush();
        }
    }

    private static boolean continues(StringBuilder text) {
        return endsWithEscape(text) || !Tokenizer.scan(text.toString()).complete();
    }

    private static boolean endsWithEscape(StringBuilder s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
