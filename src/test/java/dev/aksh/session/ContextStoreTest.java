package dev.aksh.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextStoreTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private static SessionContext sample(boolean sandbox) {
        return SessionContext.empty(sandbox)
                .withSubscription(new SubscriptionRef("6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04", "Contoso Production"))
                .withCluster(new ClusterRef("6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04", "rg-web", "aks-web"))
                .withCluster(new ClusterRef("6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04", "rg-payments", "aks-payments"))
                .withFleet("/subscriptions/x/resourceGroups/rg-fleet/providers/Microsoft.ContainerService/fleets/main");
    }

    @Test
    void theContextSurvivesARoundTripThroughOneFile() {
        ContextStore store = new ContextStore(dir.resolve("aksh"), false, warnings::add);
        SessionContext c = sample(false);
        store.save(c);
        assertThat(new ContextStore(dir.resolve("aksh"), false, warnings::add).load(false)).isEqualTo(c);
        assertThat(warnings).isEmpty();
    }

    @Test
    void writesAreAtomicAndPrivateAndLeaveNoTemporaryFilesBehind() throws IOException {
        ContextStore store = new ContextStore(dir.resolve("aksh"), false, warnings::add);
        for (int i = 0; i < 20; i++) {
            store.save(sample(false));
        }
        try (Stream<Path> files = Files.list(dir.resolve("aksh"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("context.json");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("aksh")))).isEqualTo("rwx------");
    }

    @Test
    void theSandboxKeepsItsContextApartFromTheRealOne() {
        new ContextStore(dir, true, warnings::add).save(sample(true));
        assertThat(Files.exists(dir.resolve("context.sandbox.json"))).isTrue();
        assertThat(Files.exists(dir.resolve("context.json"))).isFalse();
        assertThat(new ContextStore(dir, false, warnings::add).load(false)).isEqualTo(SessionContext.empty(false));
        assertThat(new ContextStore(dir, true, warnings::add).load(true).cluster().name()).isEqualTo("aks-payments");
    }

    @Test
    void aCorruptFileIsReportedMovedAsideAndReplacedNeverFatal() throws IOException {
        Files.writeString(dir.resolve("context.json"), "{\"format\":1,\"subscription\":{\"name\":");
        ContextStore store = new ContextStore(dir, false, warnings::add);
        assertThat(store.load(false)).isEqualTo(SessionContext.empty(false));
        assertThat(warnings).singleElement().asString()
                .contains("could not be read").contains("context.json.corrupt").doesNotContain("\n");
        assertThat(Files.exists(dir.resolve("context.json.corrupt"))).isTrue();
        store.save(sample(false));
        assertThat(store.load(false).subscription().name()).isEqualTo("Contoso Production");
    }

    @Test
    void fieldsWithTheWrongShapeCountAsCorrupt() throws IOException {
        Files.writeString(dir.resolve("context.json"), "{\"format\":1,\"cluster\":{\"name\":\"x\"}}");
        assertThat(new ContextStore(dir, false, warnings::add).load(false)).isEqualTo(SessionContext.empty(false));
        assertThat(warnings).singleElement().asString().contains("missing 'subscriptionId'");
        Files.writeString(dir.resolve("context.json"), "[1,2]");
        new ContextStore(dir, false, warnings::add).load(false);
        Files.writeString(dir.resolve("context.json"), "{\"format\":99}");
        new ContextStore(dir, false, warnings::add).load(false);
        assertThat(warnings).hasSize(3);
    }

    @Test
    void configDirectoryFollowsTheOperatingSystemsConventions() {
        assertThat(ConfigDirs.configDir(Map.of(), "Linux", "/home/op")).isEqualTo(Path.of("/home/op/.config/aksh"));
        assertThat(ConfigDirs.configDir(Map.of("XDG_CONFIG_HOME", "/x"), "Mac OS X", "/Users/op")).isEqualTo(Path.of("/x/aksh"));
        assertThat(ConfigDirs.configDir(Map.of("APPDATA", "C:\\Users\\op\\AppData\\Roaming"), "Windows 11", "C:\\Users\\op"))
                .isEqualTo(Path.of("C:\\Users\\op\\AppData\\Roaming", "aksh"));
        assertThat(ConfigDirs.configDir(Map.of("AKSH_CONFIG_DIR", "/tmp/t", "XDG_CONFIG_HOME", "/x"), "Linux", "/h"))
                .isEqualTo(Path.of("/tmp/t"));
    }

    @Test
    void usingAClusterRemembersThePreviousOneAndResetsTheRoute() {
        SessionContext c = sample(false).withTunnel(new TunnelRef(1, sample(false).cluster(), 41231));
        assertThat(c.previousCluster().name()).isEqualTo("aks-web");
        assertThat(c.route()).isEqualTo(Route.TUNNEL);
        SessionContext back = c.withCluster(c.previousCluster());
        assertThat(back.cluster().name()).isEqualTo("aks-web");
        assertThat(back.previousCluster().name()).isEqualTo("aks-payments");
        assertThat(back.route()).isEqualTo(Route.RUN_COMMAND);
        assertThat(back.withCluster(back.cluster()).previousCluster().name()).isEqualTo("aks-payments");
    }

    @Test
    void stateNotifiesListenersOnlyOnChange() {
        SessionState state = new SessionState(SessionContext.empty(false));
        List<String> seen = new ArrayList<>();
        state.onChange((before, after) -> seen.add(before.readOnly() + "->" + after.readOnly()));
        state.update(c -> c.withReadOnly(true));
        state.update(c -> c.withReadOnly(true));
        assertThat(seen).containsExactly("false->true");
    }

    @Test
    void tunnelsAreNeverSavedSoAReloadedContextIsOnTheRunCommandRoute() {
        ContextStore store = new ContextStore(dir.resolve("aksh"), false, warnings::add);
        SessionContext withTunnel = sample(false).withTunnel(new TunnelRef(1, sample(false).cluster(), 41231));
        store.save(withTunnel);
        SessionContext loaded = store.load(false);
        assertThat(loaded.tunnels()).isEmpty();
        assertThat(loaded.route()).isEqualTo(Route.RUN_COMMAND);
        assertThat(loaded).isEqualTo(sample(false));
    }
}
