package dev.aksh.app;

import dev.aksh.shell.completion.CompletionEngine;
import dev.aksh.shell.completion.Suggestion;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Connects JLine's Tab to the {@link CompletionEngine}. */
final class JLineCompleter implements Completer {
    private final CompletionEngine engine;

    JLineCompleter(CompletionEngine engine) {
        this.engine = engine;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words().subList(0, Math.min(line.wordIndex(), line.words().size()));
        String partial = line.word() == null ? "" : line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        for (Suggestion s : engine.complete(words, partial)) {
            candidates.add(new Candidate(s.value(), s.shown(), null, s.description(), null, null, s.complete()));
        }
    }
}
