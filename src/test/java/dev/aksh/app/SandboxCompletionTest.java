package dev.aksh.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.shell.commands.Completers;
import dev.aksh.shell.completion.Suggestion;
import dev.aksh.testing.InProcessAksh;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tab in the sandbox: values come from live data, cached, and a keystroke never waits for it. */
class SandboxCompletionTest {
    static InProcessAksh aksh;

    @BeforeAll
    static void warm() throws Exception {
        aksh = InProcessAksh.sandbox();
        aksh.aksh().warmCaches();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String clusters = Completers.clustersKey("6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04");
        while (!(aksh.aksh().cache().has(Completers.SUBSCRIPTIONS) && aksh.aksh().cache().has(clusters))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("caches did not warm: " + aksh.aksh().cache().lastFailure());
            }
            Thread.sleep(20);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        aksh.close();
    }

    private List<String> complete(String line) {
        return aksh.aksh().completion().complete(line).stream().map(Suggestion::value).toList();
    }

    @Test
    void clusterUseCompletesTheClustersOfTheCurrentSubscription() {
        assertThat(complete("cluster use ")).containsExactly(
                "aks-auto", "aks-batch", "aks-dev", "aks-ledger", "aks-payments", "aks-web", "hub");
        assertThat(complete("cluster use aks-p")).containsExactly("aks-payments");
        assertThat(complete("cluster show aks-l")).containsExactly("aks-ledger");
        assertThat(complete("cluster list -g rg-w")).containsExactly("rg-web");
    }

    @Test
    void subscriptionUseCompletesNamesAndIds() {
        assertThat(complete("subscription use ")).containsExactly("Contoso Platform", "Contoso Production",
                "0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58", "6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04");
        assertThat(complete("subscription use 'Contoso Pro")).containsExactly("Contoso Production");
        assertThat(aksh.aksh().completion().complete("subscription use 6f"))
                .singleElement().extracting(Suggestion::description).isEqualTo("Contoso Production");
    }

    @Test
    void connectBastionCompletesTheBastionsThatCanReachTheCurrentClusterAndInvokeItsRoutes() throws Exception {
        aksh.run("cluster use aks-ledger");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> found = complete("connect bastion --bastion ");
        while (found.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50); // the first Tab starts the lookup in the background; it never waits for it
            found = complete("connect bastion --bastion ");
        }
        assertThat(found).containsExactlyInAnyOrder("bas-ledger", "bas-hub");
        assertThat(aksh.aksh().completion().complete("connect bastion --bastion bas-h"))
                .singleElement().extracting(Suggestion::description)
                .isEqualTo("Standard, in vnet-hub (subscription Contoso Platform), peered with vnet-ledger");
        assertThat(complete("invoke 'kubectl get pods' --via ")).containsExactly("run-command", "tunnel");
    }

    @Test
    void completionAnswersFromTheCacheWithoutCallingAzure() {
        int before = aksh.aksh().sandbox().arm().requestCount();
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            complete("cluster use ");
            complete("subscription use Con");
        }
        assertThat(aksh.aksh().sandbox().arm().requestCount()).isEqualTo(before);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void pressingTabInARealLineReaderCompletesTheWordAndQuotesSpaces() throws Exception {
        assertThat(readWithKeys("cluster use aks-w\t\n")).isEqualTo("cluster use aks-web ");
        assertThat(readWithKeys("subscription use Contoso\\ Pl\t\n")).isEqualTo("subscription use Contoso\\ Platform ");
        assertThat(readWithKeys("clu\tsh\t\n")).isEqualTo("cluster show ");
    }

    private String readWithKeys(String keys) throws Exception {
        try (Terminal t = new org.jline.terminal.impl.ExternalTerminal("test", "xterm-256color",
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                StandardCharsets.UTF_8)) {
            DefaultParser parser = new DefaultParser();
            LineReader reader = LineReaderBuilder.builder().terminal(t).parser(parser)
                    .completer(new JLineCompleter(aksh.aksh().completion()))
                    .option(LineReader.Option.CASE_INSENSITIVE, true)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
            return reader.readLine("> ");
        }
    }
}
