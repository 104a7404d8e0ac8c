package dev.aksh.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.shell.completion.Suggestion;
import dev.aksh.testing.InProcessAksh;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tab inside {@code invoke "…"}: verbs, kinds, namespaces and names of the current cluster. */
class InvokeCompletionTest {
    static InProcessAksh aksh;

    @BeforeAll
    static void start() throws Exception {
        aksh = InProcessAksh.sandbox();
        aksh.run("cluster use aks-payments");
    }

    @AfterAll
    static void stop() throws Exception {
        aksh.close();
    }

    private List<String> shown(String line) {
        return aksh.aksh().completion().complete(line).stream().map(Suggestion::shown).toList();
    }

    private List<String> values(String line) {
        return aksh.aksh().completion().complete(line).stream().map(Suggestion::value).toList();
    }

    @Test
    void verbsAndKindsCompleteInsideTheQuotesAndReplaceTheWholeQuotedWord() {
        assertThat(shown("invoke \"")).containsExactly("kubectl", "helm");
        assertThat(shown("invoke \"kubectl ge")).containsExactly("get");
        assertThat(values("invoke \"kubectl ge")).containsExactly("kubectl get");
        assertThat(shown("invoke \"kubectl get dep")).containsExactly("deployments");
        assertThat(values("invoke 'kubectl get pods | gr")).containsExactly("kubectl get pods | grep");
        assertThat(shown("invoke \"helm un")).containsExactly("uninstall");
        assertThat(shown("invoke \"kubectl get pods -o ")).containsExactly("json", "name", "wide", "yaml");
        assertThat(aksh.aksh().completion().complete("invoke \"kubectl ge")).allMatch(s -> !s.complete());
    }

    @Test
    void namesComeFromWhatTheOperatorsOwnCommandsPrinted() {
        aksh.run("invoke 'kubectl get pods -n payments'");
        assertThat(shown("invoke \"kubectl logs -n payments payments-w"))
                .hasSize(2).allMatch(n -> n.startsWith("payments-worker-"));
        aksh.run("invoke 'kubectl get ns'");
        assertThat(shown("invoke \"kubectl get pods -n mon")).containsExactly("monitoring");
    }

    @Test
    void withoutHarvestedNamesABackgroundLookupFillsTheCacheAndTheKeystrokeDoesNotWait() throws Exception {
        long t0 = System.nanoTime();
        List<String> first = shown("invoke \"kubectl get deploy -n monitoring ");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(200));
        assertThat(first).isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> later = first;
        while (later.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            later = shown("invoke \"kubectl get deploy -n monitoring ");
        }
        assertThat(later).containsExactly("prometheus");
    }
}
