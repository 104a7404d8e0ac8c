package dev.aksh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** completions/ is what the command registry generates, and the bash script completes like the shell does. */
class CompletionScriptsTest {
    static final Path COMMITTED = Path.of("completions");

    @Test
    void theCommittedScriptsAreUpToDateWithTheRegistry() throws IOException {
        Map<String, String> generated = CompletionScripts.generate(CompletionScripts.catalog());
        assertThat(generated.keySet()).containsExactlyInAnyOrder("aksh.bash", "_aksh.zsh", "aksh.fish");
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path file = COMMITTED.resolve(e.getKey());
            assertThat(Files.exists(file) ? Files.readString(file) : "")
                    .as("completions/%s is out of date: run 'mvn process-classes' and copy "
                            + "target/generated-completions/* to completions/", e.getKey())
                    .isEqualTo(e.getValue());
        }
        Path built = Path.of("target/generated-completions");
        if (Files.isDirectory(built)) {
            for (String name : generated.keySet()) {
                assertThat(Files.readString(built.resolve(name))).as("the build step's " + name).isEqualTo(generated.get(name));
            }
        }
    }

    @Test
    void pathsAreLeftToTheShellNotASnapshotOfTheBuildDirectory() throws IOException {
        Map<String, String> generated = CompletionScripts.generate(CompletionScripts.catalog());
        // generated in the repository: its file names once ended up as the only candidates for invoke --file
        for (String script : generated.values()) {
            assertThat(script).doesNotContain("pom.xml").doesNotContain("README.md");
        }
        assertThat(generated.get("aksh.bash")).contains("'invoke --file'|'invoke -f') echo '' ;;"); // free-form: -o default completes paths
        assertThat(generated.get("aksh.fish")).contains("-l file -s f -r -d 'attach a file or directory'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "aksh --sandbox cl | cluster",
        "aksh --sandbox cluster u | use",
        "aksh subscription | list use",
        "aksh cluster list -o | table json yaml tsv",
        "aksh cluster list --output j | json",
        "aksh --sandbox-world w.yaml cluster list --all | --all-subscriptions",
        "aksh cluster use aks-web - | --resource-group -g --help",
        "aksh --no | --no-color",
    })
    void bashCompletesLauncherOptionsCommandsOptionsAndValues(String line, String expected) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        List<String> words = new ArrayList<>(List.of(line.split(" ")));
        if (expected.equals("list use") || line.endsWith("-o")) {
            words.add("");
        }
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", "-c",
                "source completions/aksh.bash; COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); _aksh; echo \"${COMPREPLY[*]}\"", "_"));
        cmd.addAll(words);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo(expected);
    }
}
