package dev.aksh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.shell.completion.Suggestion;
import dev.aksh.testing.InProcessAksh;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Read-only mode: what changes state disappears from completion and is refused with the reason when typed. */
class ReadOnlyModeTest {

    static List<String> complete(InProcessAksh a, String line) {
        // inside a quoted command the candidate is the whole word so far ("kubectl apply"): keep its last part
        return a.aksh().completion().complete(line).stream().map(Suggestion::value)
                .map(v -> v.substring(v.lastIndexOf(' ') + 1)).toList();
    }

    @Test
    void readonlyOnRefusesMutatingKubectlAndHidesItAndOffBringsItBack() throws Exception {
        try (InProcessAksh a = InProcessAksh.sandbox()) {
            a.run("cluster use aks-payments");
            assertThat(a.run("readonly")).isEqualTo("read-only mode is off\n");
            assertThat(complete(a, "invoke 'kubectl ")).contains("apply", "delete", "get");
            assertThat(a.run("readonly on")).startsWith("read-only mode is on");
            assertThat(a.aksh().session().get().readOnly()).isTrue();

            a.run("invoke 'kubectl apply -f deployment.yaml -n default'");
            assertThat(a.last().status()).isEqualTo(67);
            assertThat(a.last().error().oneLine()).isEqualTo("'invoke' of kubectl apply changes the cluster and read-only mode "
                    + "is on; 'readonly off' turns it off; read-only commands (get, describe, logs, top…) still run");
            a.run("invoke 'kubectl get pods -A | grep api && helm uninstall web'");
            assertThat(a.last().error().oneLine()).startsWith("'invoke' of helm uninstall changes the cluster");
            a.run("fleet use fleet-prod");
            a.run("fleet invoke 'kubectl delete ns payments' --all");
            assertThat(a.last().status()).isEqualTo(67);
            a.run("ranges add 203.0.113.7 --cluster aks-web");
            assertThat(a.last().status()).isEqualTo(67);

            assertThat(complete(a, "invoke 'kubectl ")).contains("get", "describe", "logs").doesNotContain("apply", "delete",
                    "scale", "edit");
            assertThat(complete(a, "invoke 'helm ")).contains("list", "status").doesNotContain("install", "upgrade", "uninstall");
            assertThat(complete(a, "ranges ")).contains("show", "check").doesNotContain("add", "remove", "set", "clear");
            assertThat(complete(a, "network peering ")).contains("show").doesNotContain("create");

            a.run("invoke 'kubectl get ns'");
            assertThat(a.last().status()).as("reading still works").isZero();

            a.run("readonly off");
            assertThat(complete(a, "invoke 'kubectl ")).contains("apply");
            a.run("readonly maybe");
            assertThat(a.last().status()).isEqualTo(64);
        }
    }

    @Test
    void launchedReadOnlyCannotBeTurnedOff() throws Exception {
        try (InProcessAksh a = InProcessAksh.sandbox("--read-only")) {
            assertThat(a.run("readonly")).isEqualTo("read-only mode is on (--read-only)\n");
            a.run("readonly off");
            assertThat(a.last().status()).isEqualTo(67);
            assertThat(a.last().error().oneLine()).isEqualTo("aksh was started with --read-only, which lasts until it exits; "
                    + "start aksh without --read-only to change things");
        }
    }

    @Test
    void clustersListedInTheConfigAreAlwaysReadOnlyAndProductionPatternsComeFromItToo(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("config.json"), """
                {"readOnlyClusters": ["rg-payments/aks-payments"], "production": ["ledger"]}
                """);
        try (InProcessAksh a = InProcessAksh.sandboxWithEnv(java.util.Map.of("AKSH_CONFIG_DIR", dir.toString()))) {
            a.run("cluster use aks-payments");
            assertThat(a.aksh().readOnly()).isTrue();
            assertThat(a.run("readonly")).startsWith("read-only mode is on (aks-payments is in readOnlyClusters in ");
            a.run("invoke 'kubectl delete pod x -n payments'");
            assertThat(a.last().error().oneLine()).startsWith("'invoke' of kubectl delete changes the cluster and read-only "
                    + "mode is on; aks-payments is listed in readOnlyClusters in config.json");
            a.run("readonly off");
            assertThat(a.last().status()).isEqualTo(67);
            assertThat(a.aksh().production()).as("the config's patterns replace the default").isFalse();
            a.run("cluster use aks-ledger");
            assertThat(a.aksh().readOnly()).isFalse();
            assertThat(a.aksh().production()).isTrue();
        }
        java.nio.file.Files.writeString(dir.resolve("config.json"), "{not json");
        try (InProcessAksh a = InProcessAksh.sandboxWithEnv(java.util.Map.of("AKSH_CONFIG_DIR", dir.toString()))) {
            assertThat(a.console().stderr()).contains("config.json is not valid JSON and was ignored");
        }
    }
}
