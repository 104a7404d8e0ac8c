package dev.aksh.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole sessions through the built aksh, the way automation drives it: piped stdin, --script, -c, one-shot. */
class ScriptedSessionIT {
    AkshProcess aksh;

    @BeforeEach
    void start() throws Exception {
        aksh = new AkshProcess();
    }

    @AfterEach
    void stop() throws Exception {
        aksh.close();
    }

    static final String SESSION = """
            # an operator looks around the sandbox
            subscription list
            cluster list -o tsv

            cluster use aks-web
            cluster show -o json
            """;

    @Test
    void aPipedSessionPrintsOnlyTheCommandsOutput() throws Exception {
        AkshProcess.Run r = aksh.run(SESSION, "--sandbox");
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("> ").doesNotContain("SANDBOX]");
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("CURRENT\\s+NAME\\s+ID\\s+STATE\\s+TENANT");
        assertThat(lines.get(1)).matches("\\s+Contoso Platform\\s+0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58\\s+Enabled\\s+.*");
        assertThat(lines.get(2)).matches("\\*\\s+Contoso Production\\s+6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04\\s+Enabled\\s+.*");
        assertThat(lines.get(3)).isEqualTo("aks-auto\trg-apps\tswedencentral\t1.33.1\tprivate\tRunning\tSucceeded");
        assertThat(lines).contains("aks-web\trg-web\twesteurope\t1.33.1\tpublic\tRunning\tSucceeded");
        assertThat(r.out()).contains("Using cluster aks-web (resource group rg-web, subscription Contoso Production): "
                + "public, 2 authorized IP ranges, run command enabled.");
        JsonNode show = new ObjectMapper().readTree(r.out().substring(r.out().indexOf("{")));
        assertThat(show.get("name").asText()).isEqualTo("aks-web");
        assertThat(show.get("authorizedIpRanges")).hasSize(2);
    }

    @Test
    void theSameScriptGivesTheSameOutputPipedAndFromAFileAndWithDashC() throws Exception {
        String script = "cluster use aks-payments\ncluster show\ncluster list -o tsv\ncontext -o yaml\n";
        AkshProcess.Run piped = aksh.run(script, "--sandbox");
        Path file = aksh.cwd.resolve("ops.txt");
        Files.writeString(file, script);
        AkshProcess.Run fromFile = aksh.run(null, "--sandbox", "--script", file.toString());
        AkshProcess.Run dashC = aksh.run(null, "--sandbox", "-c", script.replace("\n", "; "));
        assertThat(piped.exit()).as(piped.both()).isZero();
        assertThat(fromFile.exit()).isZero();
        assertThat(dashC.exit()).isZero();
        String expected = piped.out().replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
        assertThat(fromFile.out().replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")).isEqualTo(expected);
        assertThat(dashC.out().replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")).isEqualTo(expected);
        assertThat(piped.out()).contains("Name:                 aks-payments").contains("route: run-command");
    }

    @Test
    void theFirstFailingLineStopsTheScriptWithItsStatusAndLineNumber() throws Exception {
        AkshProcess.Run r = aksh.run("""
                subscription list -o tsv
                # line 2 is a comment
                cluster use aks-paymnts
                cluster list -o tsv
                """, "--sandbox");
        assertThat(r.exit()).as(r.both()).isEqualTo(65);
        assertThat(r.err()).isEqualTo("error: line 3: no cluster 'aks-paymnts' in subscription Contoso Production; "
                + "did you mean 'aks-payments'?\n");
        assertThat(r.out()).contains("Contoso Platform").doesNotContain("aks-auto");
    }

    @Test
    void continueOnErrorRunsEveryLineAndEndsWithTheLastFailure() throws Exception {
        AkshProcess.Run r = aksh.run("cluster use nope\nfrobnicate\ncluster list -o tsv\n", "--sandbox", "--continue-on-error");
        assertThat(r.exit()).as(r.both()).isEqualTo(64);
        assertThat(r.err().lines()).containsExactly(
                "error: line 1: no cluster 'nope' in subscription Contoso Production; run 'cluster list' to see its clusters",
                "error: line 2: unknown command 'frobnicate'; run 'help' for the list of commands");
        assertThat(r.out()).contains("aks-web\trg-web");
    }

    @Test
    void dashCRunsSeveralCommandsAndNamesTheOneThatFailed() throws Exception {
        AkshProcess.Run r = aksh.run(null, "--sandbox", "-c", "cluster use aks-web; cluster show nope; context");
        assertThat(r.exit()).isEqualTo(65);
        assertThat(r.err()).startsWith("error: command 2: no cluster 'nope'");
        assertThat(r.out()).contains("Using cluster aks-web").doesNotContain("Environment:");
    }

    @Test
    void aOneShotCommandTakesItsWordsVerbatim() throws Exception {
        AkshProcess.Run r = aksh.run(null, "--sandbox", "subscription", "use", "Contoso Platform");
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.out()).isEqualTo("Using subscription Contoso Platform (0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58).\n");
        AkshProcess.Run list = aksh.run(null, "--sandbox", "cluster", "list", "-o", "json");
        JsonNode clusters = new ObjectMapper().readTree(list.out());
        assertThat(clusters).extracting(c -> c.get("name").asText()).as("the Platform subscription's clusters, with "
                + "fleet-scale's members and hub").contains("aks-analytics", "aks-fleet-scale-50", "hub")
                .doesNotContain("aks-payments").hasSize(52);
    }

    @Test
    void exitStatusesAreTheDocumentedCodes() throws Exception {
        assertThat(aksh.run(null, "--sandbox", "-c", "clustr list").exit()).isEqualTo(64);
        assertThat(aksh.run(null, "--sandbox", "cluster", "list", "--frob").exit()).isEqualTo(64);
        assertThat(aksh.run(null, "--frob").exit()).isEqualTo(64);
        assertThat(aksh.run(null, "--sandbox", "cluster", "show", "nope").exit()).isEqualTo(65);
        assertThat(aksh.run("cluster list -o tsv\nexit 3\ncluster list\n", "--sandbox").exit()).isEqualTo(3);
        assertThat(aksh.run(null, "--sandbox", "--script", "missing.txt").exit()).isEqualTo(64);
        AkshProcess.Run unterminated = aksh.run(null, "--sandbox", "-c", "cluster use 'aks-web");
        assertThat(unterminated.exit()).isEqualTo(64);
        assertThat(unterminated.err()).isEqualTo("error: unterminated single quote; close the quote, or escape it with a backslash\n");
    }

    @Test
    void nothingIsWrittenIntoTheWorkingDirectory() throws Exception {
        aksh.run("cluster list\ncontext\nhelp\n", "--sandbox");
        aksh.run(null, "--sandbox", "-c", "cluster use aks-web");
        try (Stream<Path> files = Files.list(aksh.cwd)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theContextPersistsBetweenRunsAndTheSandboxKeepsItsOwnFile() throws Exception {
        aksh.run(null, "--sandbox", "-c", "cluster use aks-web; cluster use aks-ledger");
        AkshProcess.Run r = aksh.run(null, "--sandbox", "context", "-o", "json");
        JsonNode ctx = new ObjectMapper().readTree(r.out());
        assertThat(ctx.at("/cluster/name").asText()).isEqualTo("aks-ledger");
        assertThat(ctx.at("/previousCluster/name").asText()).isEqualTo("aks-web");
        assertThat(aksh.run(null, "--sandbox", "-c", "cluster use -; context -o json").out()).contains("\"name\": \"aks-web\"");
        assertThat(Files.exists(aksh.config.resolve("context.sandbox.json"))).isTrue();
        assertThat(Files.exists(aksh.config.resolve("context.json"))).isFalse();
    }

    @Test
    void aCorruptContextFileIsReportedAndReplacedNotFatal() throws Exception {
        Files.createDirectories(aksh.config);
        Files.writeString(aksh.config.resolve("context.sandbox.json"), "{ this is not json");
        AkshProcess.Run r = aksh.run(null, "--sandbox", "-c", "cluster use aks-web");
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.err()).startsWith("warning: the saved context in " + aksh.config.resolve("context.sandbox.json")
                + " could not be read").contains("moved to context.sandbox.json.corrupt").hasLineCount(1);
        assertThat(Files.readString(aksh.config.resolve("context.sandbox.json"))).contains("aks-web");
        assertThat(aksh.run(null, "--sandbox", "-c", "context").err()).isEmpty();
    }

    @Test
    void aWorldFileReplacesTheBuiltInWorldAndABadOneIsOneClearLine() throws Exception {
        Path world = aksh.cwd.resolve("world.yaml");
        Files.writeString(world, """
                defaultSubscription: Lab
                subscriptions:
                  - id: 33333333-3333-4333-8333-333333333333
                    name: Lab
                    resourceGroups:
                      - name: rg-lab
                        clusters: [{name: aks-lab, private: true}]
                """);
        AkshProcess.Run r = aksh.run(null, "--sandbox-world", world.toString(), "cluster", "list", "-o", "tsv");
        assertThat(r.out()).as(r.both()).isEqualTo("aks-lab\trg-lab\twesteurope\t1.32.4\tprivate\tRunning\tSucceeded\n");
        Files.writeString(world, "subscriptions:\n  - id: 33333333-3333-4333-8333-333333333333\n    name: Lab\n    colour: blue\n");
        AkshProcess.Run bad = aksh.run(null, "--sandbox-world", world.toString(), "cluster", "list");
        assertThat(bad.exit()).isEqualTo(64);
        assertThat(bad.err()).isEqualTo("error: world file " + world + ": unknown key 'colour' at subscriptions[0].colour; "
                + "known keys there: id, name, resourceGroups, state\n");
    }

    @Test
    void helpListsCommandsByGroupAndShowsOneCommandWithExamples() throws Exception {
        AkshProcess.Run all = aksh.run(null, "--sandbox", "help");
        assertThat(all.out()).contains("Context\n  context").contains("Clusters\n  cluster list");
        AkshProcess.Run one = aksh.run(null, "--sandbox", "cluster", "use", "--help");
        assertThat(one.exit()).isZero();
        assertThat(one.out()).startsWith("cluster use — Make a cluster current ('-' for the previous one)\n\n"
                + "Usage: cluster use NAME|ID|- [-g RG]\n").contains("Examples:\n  cluster use aks-payments");
    }

    @Test
    void inTheSandboxLoginAndWhoamiShowTheFixedIdentityAndNeverAToken() throws Exception {
        AkshProcess.Run r = aksh.run("login\nwhoami -o json\n", "--sandbox");
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.out()).contains("User:              trainee@contoso.example (Sandbox Trainee)")
                .contains("Tenant:            5f0c1a2e-7d2b-4c41-9b6e-2f4c8a1d0e77")
                .contains("Signed in via:     sandbox identity (no real sign-in)")
                .contains("\"name\": \"trainee@contoso.example\"")
                .doesNotContain("eyJ");
    }

    @Test
    void stacktraceAndDebugShowTheDetailsOfTheLastError() throws Exception {
        AkshProcess.Run r = aksh.run("cluster show nope\n", "--sandbox", "--continue-on-error");
        assertThat(r.err()).hasLineCount(1);
        AkshProcess.Run st = aksh.run(null, "--sandbox", "-c", "cluster show nope; stacktrace", "--continue-on-error");
        assertThat(st.out()).contains("error: no cluster 'nope' in subscription Contoso Production; "
                + "run 'cluster list' to see its clusters (exit 65)").contains("\tat dev.aksh.");
        AkshProcess.Run debug = aksh.run(null, "--sandbox", "--debug", "cluster", "show", "nope");
        assertThat(debug.exit()).isEqualTo(65);
        assertThat(debug.err()).startsWith("error: no cluster 'nope'").contains("\tat dev.aksh.azure.ClusterService");
    }

    @Test
    void realAzureWithoutCredentialsFailsWithTheAuthStatusAndSaysHowToSignIn() throws Exception {
        aksh.env.remove("AZURE_SUBSCRIPTION_ID");
        AkshProcess.Run r = aksh.run(null, "-c", "subscription list");
        assertThat(r.exit()).as(r.both()).isEqualTo(66);
        assertThat(r.err()).startsWith("error: ").contains("login").hasLineCount(1);
        assertThat(Files.exists(aksh.config.resolve("context.sandbox.json"))).isFalse();
    }
}
