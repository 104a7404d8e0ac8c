package dev.aksh.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path temp;

    @Test
    void filesAreOwnerOnlyFromTheFirstByteAndReplacedWhole() throws Exception {
        Path dir = PrivateFiles.newDirectory(temp, "aksh-tunnel-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Path f = dir.resolve("kubeconfig");
        PrivateFiles.write(f, "one".getBytes());
        PrivateFiles.write(f, "two".getBytes());
        assertThat(Files.readString(f)).isEqualTo("two");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("kubeconfig");
        }
        PrivateFiles.deleteTree(dir);
        assertThat(dir).doesNotExist();
    }

    @Test
    void theSweepRemovesWhatDeadProcessesLeftAndNothingElse() throws Exception {
        long dead = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(100) + 1000;
        Path crashed = Files.createDirectory(temp.resolve("aksh-tunnel-" + dead + "-abc"));
        Files.writeString(crashed.resolve("kubeconfig"), "secret");
        Path mine = PrivateFiles.newDirectory(temp, "aksh-tunnel-");
        Path alive = Files.createDirectory(temp.resolve("aksh-tunnel-1-def")); // pid 1 is alive
        Path other = Files.createDirectory(temp.resolve("something-else"));
        assertThat(PrivateFiles.sweep(temp, "aksh-tunnel-")).isEqualTo(1);
        assertThat(crashed).doesNotExist();
        assertThat(mine).exists();
        assertThat(alive).exists();
        assertThat(other).exists();
    }
}
