package dev.aksh.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aksh.error.AkshException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    @Test
    void launcherOptionsComeFirstAndTheRestIsTheCommandVerbatim() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"--sandbox", "--debug", "invoke", "kubectl get pods -A", "--no-wait"});
        assertThat(o.sandbox()).isTrue();
        assertThat(o.debug()).isTrue();
        assertThat(o.command()).containsExactly("invoke", "kubectl get pods -A", "--no-wait");
        assertThat(o.scripted()).isTrue();
    }

    @Test
    void aWorldFileImpliesTheSandbox() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"--sandbox-world=w.yaml", "-c", "cluster list; context"});
        assertThat(o.sandbox()).isTrue();
        assertThat(o.sandboxWorld()).isEqualTo(Path.of("w.yaml"));
        assertThat(o.commandText()).isEqualTo("cluster list; context");
    }

    @Test
    void noArgumentsMeansTheInteractiveOrPipedShell() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"--read-only", "--continue-on-error", "-y"});
        assertThat(o.scripted()).isFalse();
        assertThat(o.readOnly()).isTrue();
        assertThat(o.continueOnError()).isTrue();
        assertThat(o.assumeYes()).isTrue();
        assertThat(o.command()).isEqualTo(List.of());
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--frob"}))
                .isInstanceOf(AkshException.class).hasMessage("unknown option --frob");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--script"}))
                .isInstanceOf(AkshException.class).hasMessage("--script needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--script", "f", "-c", "x"}))
                .isInstanceOf(AkshException.class).hasMessageContaining("only one of");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"-c", "x", "cluster", "list"}))
                .isInstanceOf(AkshException.class).hasMessageContaining("only one of");
    }
}
