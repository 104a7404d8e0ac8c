package dev.aksh.shell.completion;

import java.util.List;
import java.util.Map;

/**
 * What a completer sees: the command, the options and arguments typed before the cursor, and the
 * partial word under it.
 */
public record CompletionRequest(String command, Map<String, List<String>> options, List<String> args, String partial) {
    /** The last value typed for an option, or null. */
    public String option(String longName) {
        List<String> v = options.get(longName);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }
}
