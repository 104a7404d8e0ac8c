package dev.aksh.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizerTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("cluster list", List.of(List.of("cluster", "list"))),
                Arguments.of("  cluster   list  ", List.of(List.of("cluster", "list"))),
                Arguments.of("invoke \"kubectl get pods | grep web && echo ok\"",
                        List.of(List.of("invoke", "kubectl get pods | grep web && echo ok"))),
                Arguments.of("invoke 'kubectl get pods -o jsonpath=\"{.items[*].metadata.name}\"'",
                        List.of(List.of("invoke", "kubectl get pods -o jsonpath=\"{.items[*].metadata.name}\""))),
                Arguments.of("subscription use 'Contoso Production'", List.of(List.of("subscription", "use", "Contoso Production"))),
                Arguments.of("subscription use Contoso\\ Production", List.of(List.of("subscription", "use", "Contoso Production"))),
                Arguments.of("echo \"a \\\"quoted\\\" word\"", List.of(List.of("echo", "a \"quoted\" word"))),
                Arguments.of("echo \"back\\\\slash\" 'no\\escape'", List.of(List.of("echo", "back\\slash", "no\\escape"))),
                Arguments.of("echo \"keeps \\n as is\"", List.of(List.of("echo", "keeps \\n as is"))),
                Arguments.of("a; b c ;d", List.of(List.of("a"), List.of("b", "c"), List.of("d"))),
                Arguments.of("invoke 'a; b'", List.of(List.of("invoke", "a; b"))),
                Arguments.of("cluster list # all of them", List.of(List.of("cluster", "list"))),
                Arguments.of("# a comment line", List.of()),
                Arguments.of("echo a#b", List.of(List.of("echo", "a#b"))),
                Arguments.of("echo '' x", List.of(List.of("echo", "", "x"))),
                Arguments.of("", List.of()),
                Arguments.of(";;", List.of()));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void splitsLikeAPosixShell(String line, List<List<String>> expected) {
        assertThat(Tokenizer.statements(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoke 'kubectl get pods", "invoke \"kubectl get pods"})
    void anUnterminatedQuoteIsAUsageError(String line) {
        assertThatThrownBy(() -> Tokenizer.statements(line))
                .isInstanceOf(AkshException.class)
                .hasMessageContaining("unterminated")
                .extracting(e -> ((AkshException) e).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"simple", "Contoso Production", "it's", "a\"b", "", "$HOME", "a;b", "x#y"})
    void quoteReadsBackUnchanged(String word) {
        assertThat(Tokenizer.statements("cmd " + Tokenizer.quote(word))).containsExactly(List.of("cmd", word));
    }

    @org.junit.jupiter.api.Test
    void scanReportsAnOpenQuoteAndWordPositionsForCompletion() {
        Tokenizer.Tokens t = Tokenizer.scan("subscription use 'Contoso Pro");
        assertThat(t.complete()).isFalse();
        assertThat(t.openQuote()).isEqualTo('\'');
        List<Tokenizer.Token> words = t.all();
        assertThat(words).extracting(Tokenizer.Token::text).containsExactly("subscription", "use", "Contoso Pro");
        assertThat(words.get(2).start()).isEqualTo(17);
        assertThat(Tokenizer.scan("cluster use ").endsInWord()).isFalse();
        assertThat(Tokenizer.scan("cluster us").endsInWord()).isTrue();
    }
}
