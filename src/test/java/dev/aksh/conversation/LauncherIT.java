package dev.aksh.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code ./aksh} launcher: works from any directory, and makes its class-data archive once. */
class LauncherIT {

    @Test
    void theLauncherRunsFromAnyDirectoryAndPreparesFastStartOnce() throws Exception {
        try (AkshProcess aksh = new AkshProcess()) {
            List<String> launcher = List.of(AkshProcess.REPO.resolve("aksh").toString(), "--sandbox", "-c", "cluster list -o tsv");
            AkshProcess.Run first = aksh.exec(launcher, null);
            assertThat(first.exit()).as(first.both()).isZero();
            assertThat(first.out()).contains("aks-web\trg-web");
            assertThat(first.err()).contains("preparing fast start");
            try (var cache = Files.list(aksh.home.resolve(".cache/aksh"))) {
                assertThat(cache.map(p -> p.getFileName().toString()))
                        .anyMatch(n -> n.endsWith(".jsa") || n.endsWith(".aot"))
                        .anyMatch(n -> n.endsWith(".flags"));
            }
            AkshProcess.Run second = aksh.exec(launcher, null);
            assertThat(second.exit()).isZero();
            assertThat(second.err()).isEmpty();
            assertThat(second.out()).isEqualTo(first.out());
            try (var files = Files.list(aksh.cwd)) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void versionAndHelpNeedNoAzure() throws Exception {
        try (AkshProcess aksh = new AkshProcess()) {
            aksh.env.put("AKSH_NO_CDS", "1");
            AkshProcess.Run v = aksh.exec(List.of(AkshProcess.REPO.resolve("aksh").toString(), "--version"), null);
            assertThat(v.out()).matches("aksh \\S+\\n");
            AkshProcess.Run h = aksh.exec(List.of(AkshProcess.REPO.resolve("aksh").toString(), "--help"), null);
            assertThat(h.out()).startsWith("Usage: aksh [OPTIONS]").contains("--sandbox");
        }
    }
}
