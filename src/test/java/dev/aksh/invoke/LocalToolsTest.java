package dev.aksh.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalToolsTest {
    @TempDir
    Path bin;

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "kubectl get pods => true",
            "  kubectl get pods => true",
            "echo hi && kubectl get pods => true",
            "kubectl get pods | grep x => true",
            "(kubectl version) => true",
            "my-kubectl get pods => false",
            "kubectl-neat get pods => false",
            "echo kubectl => true",
            "helm list => false"})
    void aCommandCallsKubectlWhenItIsACommandWord(String command, boolean calls) {
        assertThat(LocalTools.calls(command, "kubectl")).isEqualTo(calls);
    }

    @Test
    void missingToolsAreThoseTheCommandCallsAndPathLacks() throws Exception {
        Path kubectl = Files.createFile(bin.resolve("kubectl"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        LocalTools tools = new LocalTools(Map.of("PATH", bin.toString()), "Linux");
        assertThat(tools.find("kubectl")).isEqualTo(kubectl);
        assertThat(tools.missingFor("kubectl get pods && helm list")).containsExactly("helm");
        assertThat(tools.missingFor("kubectl get pods")).isEmpty();
        assertThat(new LocalTools(Map.of("PATH", ""), "Linux").missingFor("kubectl get pods")).containsExactly("kubectl");
    }
}
