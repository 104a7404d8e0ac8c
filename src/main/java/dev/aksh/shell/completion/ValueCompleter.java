package dev.aksh.shell.completion;

import java.util.List;

/**
 * Proposes values for an argument or option. Implementations answer from what they already hold
 * (caches); they never wait on the network.
 */
@FunctionalInterface
public interface ValueCompleter {
    /**
     * @param request the command being completed, the words typed so far and the partial word
     * @return candidates; the engine filters them by the partial word
     */
    List<Suggestion> suggest(CompletionRequest request);

    ValueCompleter NONE = r -> List.of();

    static ValueCompleter of(List<String> values) {
        List<Suggestion> s = values.stream().map(Suggestion::of).toList();
        return r -> s;
    }
}
