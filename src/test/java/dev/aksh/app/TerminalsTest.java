package dev.aksh.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalsTest {
    @TempDir
    Path dir;

    @Test
    void aDescriptorLeadingToAPseudoTerminalOrConsoleIsATerminal() throws Exception {
        for (String device : new String[] {"/dev/pts/3", "/dev/tty1", "/dev/ttyS0", "/dev/console"}) {
            Path fd = Files.createSymbolicLink(dir.resolve("fd-" + device.replace('/', '_')), Path.of(device));
            assertThat(Terminals.terminalByProc(fd)).as(device).isTrue();
        }
    }

    @Test
    void aFileAPipeASocketOrDevNullIsNot() throws Exception {
        Path out = Files.writeString(dir.resolve("out.txt"), "");
        for (String target : new String[] {"/dev/null", "pipe:[123456]", out.toString(), "socket:[42]", "anon_inode:[eventfd]"}) {
            Path fd = Files.createSymbolicLink(dir.resolve("fd-" + Math.abs(target.hashCode())), Path.of(target));
            assertThat(Terminals.terminalByProc(fd)).as(target).isFalse();
        }
    }

    @Test
    void withoutSuchALinkOrForADeviceItDoesNotKnowTheAnswerIsLeftToJansi() throws Exception {
        assertThat(Terminals.terminalByProc(dir.resolve("missing"))).isNull();
        assertThat(Terminals.terminalByProc(dir)).isNull(); // a directory, not a link
        for (String device : new String[] {"/dev/hvc0", "/dev/lxc/console"}) {
            Path fd = Files.createSymbolicLink(dir.resolve("fd-" + device.replace('/', '_')), Path.of(device));
            assertThat(Terminals.terminalByProc(fd)).as(device).isNull();
        }
    }
}
