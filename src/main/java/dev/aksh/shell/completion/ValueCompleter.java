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
        return new Fixed(values.stream().map(Suggestion::of).toList());
    }

    /**
     * A fixed list of values, the same wherever and whenever it is asked: the only kind the generated
     * bash, zsh and fish scripts embed (files, clusters and the like are the shell's or aksh's to find).
     */
    record Fixed(List<Suggestion> suggestions) implements ValueCompleter {
        @Override
        public List<Suggestion> suggest(CompletionRequest request) {
            return suggestions;
        }
    }

    /**
     * Paths under the directory the partial word names (relative to {@code cwd}; '~/' is
     * {@code home}); directories end in '/'. Local and fast: no network.
     */
    static ValueCompleter files(java.nio.file.Path cwd, java.nio.file.Path home) {
        return r -> {
            String partial = r.partial() == null ? "" : r.partial();
            int slash = partial.lastIndexOf('/');
            String dirPart = slash < 0 ? "" : partial.substring(0, slash + 1);
            java.nio.file.Path dir = dirPart.startsWith("~/") ? home.resolve(dirPart.substring(2))
                    : dirPart.startsWith("/") ? java.nio.file.Path.of(dirPart) : cwd.resolve(dirPart);
            java.util.List<Suggestion> out = new java.util.ArrayList<>();
            try (java.util.stream.Stream<java.nio.file.Path> entries = java.nio.file.Files.list(dir)) {
                entries.sorted().limit(500).forEach(p -> {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".") && !partial.substring(slash + 1).startsWith(".")) {
                        return;
                    }
                    out.add(Suggestion.of(dirPart + name + (java.nio.file.Files.isDirectory(p) ? "/" : "")));
                });
            } catch (java.io.IOException | RuntimeException e) {
                return java.util.List.of();
            }
            return out;
        };
    }
}
