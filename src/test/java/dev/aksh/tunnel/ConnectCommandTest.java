package dev.aksh.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.testing.InProcessAksh;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connect and tunnel commands as an operator types them, in process: their lines and exit codes. */
class ConnectCommandTest {
    static Path world;
    static InProcessAksh aksh;

    @BeforeAll
    static void start() throws Exception {
        world = Files.createTempFile("denied-cluster", ".yaml");
        Files.writeString(world, "defaultSubscription: Spoke\n"
                + NetworkWorlds.world(NetworkWorlds.clusterId(NetworkWorlds.SPOKE, "rg-app", "aks-app")));
        aksh = InProcessAksh.sandboxWorld(world);
    }

    @AfterAll
    static void stop() throws Exception {
        aksh.close();
        Files.deleteIfExists(world);
    }

    String error(String line) {
        aksh.run(line);
        assertThat(aksh.last().error()).as(line).isNotNull();
        return aksh.last().status() + " " + aksh.last().error().oneLine();
    }

    @Test
    void withoutReaderOnTheClusterItSaysWhichRoleIsMissing() {
        assertThat(error("connect bastion --cluster rg-app/aks-app")).isEqualTo("66 no Reader role on cluster rg-app/aks-app; "
                + "ask for Reader on it: Bastion tunnels need Reader on the cluster, the Bastion and, across a peering, "
                + "the cluster's VNet");
    }

    @Test
    void tunnelCommandsWithNothingOpenSayWhatToDo() {
        assertThat(aksh.run("tunnel list")).isEmpty();
        assertThat(aksh.console().stderr()).isEqualTo("No tunnels are open ('connect bastion' opens one).\n");
        assertThat(error("tunnel close 9")).isEqualTo("65 no open tunnel 9; no tunnels are open");
        assertThat(error("tunnel close")).isEqualTo("65 no tunnels are open; 'connect bastion' opens one");
        assertThat(error("tunnel close x")).isEqualTo("64 a tunnel id is a number, not 'x'; see 'tunnel list'");
        aksh.run("tunnel close --all");
        assertThat(aksh.last().ok()).isTrue();
        assertThat(aksh.console().stdout()).isEqualTo("no tunnels were open\n");
    }

    @Test
    void theTunnelRouteNeedsATunnel() {
        assertThat(error("invoke 'kubectl get pods' --cluster aks-basic --via tunnel"))
                .isEqualTo("64 no tunnel is open to aks-basic; open one with 'connect bastion', or leave out --via tunnel");
        assertThat(error("invoke 'kubectl get pods' --cluster aks-basic --via ssh"))
                .isEqualTo("64 unknown route 'ssh'; use --via run-command or --via tunnel");
    }

    @Test
    void onTheTunnelRouteNoWaitIsRefusedAndTheRouteIsShown() {
        aksh.run("cluster use aks-managed");
        aksh.run("connect bastion");
        assertThat(aksh.last().ok()).as(aksh.console().stderr()).isTrue();
        assertThat(aksh.console().stderr()).contains("using Bastion bas-managed (Standard) in the cluster's node resource "
                + "group MC_rg-app_aks-managed_westeurope");
        assertThat(aksh.aksh().session().get().routeLabel()).startsWith("tunnel :");
        assertThat(error("invoke 'kubectl get pods' --no-wait")).isEqualTo("64 --no-wait is for the run-command route; "
                + "on the tunnel route the command runs here; add --via run-command, or leave out --no-wait");
        String listed = aksh.run("tunnel list -o tsv");
        assertThat(listed).startsWith("1\taks-managed\t");
        aksh.run("tunnel close --all");
        assertThat(aksh.console().stdout()).startsWith("closed tunnel 1 to aks-managed (127.0.0.1:");
        assertThat(aksh.aksh().session().get().routeLabel()).isEqualTo("run-command");
        assertThat(aksh.aksh().sandbox().bastions().liveSessions()).isZero();
    }
}
