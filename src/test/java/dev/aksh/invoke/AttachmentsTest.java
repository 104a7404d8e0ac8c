package dev.aksh.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentsTest {
    @TempDir
    Path cwd;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(cwd.resolve("deployment.yaml"), "kind: Deployment\n");
        Files.writeString(cwd.resolve("configmap.yaml"), "kind: ConfigMap\n");
        Files.createDirectories(cwd.resolve("manifests/base"));
        Files.writeString(cwd.resolve("manifests/base/service.yaml"), "kind: Service\n");
        Files.writeString(cwd.resolve("manifests/deployment.yaml"), "kind: Deployment\nmetadata: {name: other}\n");
    }

    @Test
    void aFileGoesAtTheRootUnderItsName() {
        Attachments.Packed p = Attachments.pack(List.of("deployment.yaml", cwd.resolve("configmap.yaml").toString()), cwd);
        assertThat(p.entries()).containsExactly("deployment.yaml", "configmap.yaml");
        assertThat(Attachments.list(p.context())).containsExactly("deployment.yaml", "configmap.yaml");
        assertThat(p.warning()).isNull();
    }

    @Test
    void aDirectoryKeepsItsTreeAndDotAttachesTheCurrentDirectory() {
        assertThat(Attachments.pack(List.of("manifests"), cwd).entries())
                .containsExactly("manifests/base/service.yaml", "manifests/deployment.yaml");
        assertThat(Attachments.pack(List.of("."), cwd).entries()).containsExactly(
                "configmap.yaml", "deployment.yaml", "manifests/base/service.yaml", "manifests/deployment.yaml");
    }

    @Test
    void twoAttachmentsWithTheSameNameAreRefusedNamingBoth() {
        assertThatThrownBy(() -> Attachments.pack(List.of("deployment.yaml", "manifests/deployment.yaml"), cwd))
                .isInstanceOfSatisfying(AkshException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).isEqualTo("two attachments would both be 'deployment.yaml' in the zip: "
                            + cwd.resolve("deployment.yaml") + " and " + cwd.resolve("manifests/deployment.yaml"));
                });
        assertThat(Attachments.pack(List.of("deployment.yaml", "./deployment.yaml"), cwd).entries())
                .containsExactly("deployment.yaml");
    }

    @Test
    void aMissingPathIsAUsageError() {
        assertThatThrownBy(() -> Attachments.pack(List.of("nope.yaml"), cwd))
                .isInstanceOf(AkshException.class).hasMessage("no file or directory 'nope.yaml' to attach");
    }

    @Test
    void aLargeRequestIsWarnedAboutAndOneAboveTheLimitRefusedWithWhatToDo() throws IOException {
        Random r = new Random(1);
        byte[] noise = new byte[900 * 1024];
        r.nextBytes(noise);
        Files.write(cwd.resolve("blob1.bin"), noise);
        Attachments.Packed big = Attachments.pack(List.of("blob1.bin"), cwd);
        assertThat(big.context().length()).isGreaterThan(1024 * 1024);
        assertThat(big.warning()).startsWith("the attachments make a 1.2 MB request");
        for (int i = 2; i <= 4; i++) {
            r.nextBytes(noise);
            Files.write(cwd.resolve("blob" + i + ".bin"), noise);
        }
        assertThatThrownBy(() -> Attachments.pack(List.of("blob1.bin", "blob2.bin", "blob3.bin", "blob4.bin"), cwd))
                .isInstanceOfSatisfying(AkshException.class, e -> {
                    assertThat(e.getMessage()).contains("above run command's limit of about 4 MB");
                    assertThat(e.hint()).contains("tunnel route ('connect bastion')");
                });
    }

    @Test
    void nothingAttachedIsAnEmptyContext() {
        assertThat(Attachments.pack(List.of(), cwd).context()).isEmpty();
    }
}
