package dev.aksh.shell.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --file PATH completes local paths: relative, under a directory, from home, hidden only when asked. */
class FileCompletionTest {
    @TempDir
    Path cwd;

    List<String> complete(String partial) {
        return ValueCompleter.files(cwd, cwd.resolve("home")).suggest(new CompletionRequest("invoke", Map.of(), List.of(),
                partial)).stream().map(Suggestion::value).toList();
    }

    @Test
    void pathsComeFromTheDirectoryTheWordNames() throws Exception {
        Files.writeString(cwd.resolve("deployment.yaml"), "x");
        Files.createDirectories(cwd.resolve("manifests"));
        Files.writeString(cwd.resolve("manifests/svc.yaml"), "x");
        Files.writeString(cwd.resolve(".env"), "x");
        Files.createDirectories(cwd.resolve("home/.kube"));
        Files.writeString(cwd.resolve("home/.kube/config"), "x");
        assertThat(complete("")).containsExactly("deployment.yaml", "home/", "manifests/");
        assertThat(complete("manifests/")).containsExactly("manifests/svc.yaml");
        assertThat(complete(".")).contains(".env");
        assertThat(complete("~/.kube/")).containsExactly("~/.kube/config");
        assertThat(complete("nowhere/")).isEmpty();
    }
}
