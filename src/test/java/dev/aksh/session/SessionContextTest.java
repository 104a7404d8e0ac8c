package dev.aksh.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The route is a consequence of open tunnels, never a stale leftover. */
class SessionContextTest {
    static final ClusterRef PAYMENTS = new ClusterRef("s", "rg-payments", "aks-payments");
    static final ClusterRef LEDGER = new ClusterRef("s", "rg-ledger", "aks-ledger");

    @Test
    void aTunnelToTheCurrentClusterMakesItsRouteTheTunnel() {
        SessionContext c = SessionContext.empty(true).withCluster(PAYMENTS).withTunnel(new TunnelRef(1, PAYMENTS, 41231));
        assertThat(c.route()).isEqualTo(Route.TUNNEL);
        assertThat(c.routeLabel()).isEqualTo("tunnel :41231");
    }

    @Test
    void switchingClustersFollowsTheirTunnels() {
        SessionContext c = SessionContext.empty(true).withCluster(PAYMENTS).withTunnel(new TunnelRef(1, PAYMENTS, 41231));
        SessionContext ledger = c.withCluster(LEDGER);
        assertThat(ledger.route()).isEqualTo(Route.RUN_COMMAND);
        assertThat(ledger.withCluster(PAYMENTS).route()).isEqualTo(Route.TUNNEL);
    }

    @Test
    void closingTheTunnelOrLoadingAPersistedTunnelRouteFallsBackToRunCommand() {
        SessionContext c = SessionContext.empty(true).withCluster(PAYMENTS).withTunnel(new TunnelRef(1, PAYMENTS, 41231));
        assertThat(c.withoutTunnel(1).route()).isEqualTo(Route.RUN_COMMAND);
        SessionContext loaded = new SessionContext(null, PAYMENTS, null, null, Route.TUNNEL, false, true);
        assertThat(loaded.route()).as("no tunnel survives a restart").isEqualTo(Route.RUN_COMMAND);
    }

    @Test
    void aTunnelToAnotherClusterLeavesTheRouteAlone() {
        SessionContext c = SessionContext.empty(true).withCluster(PAYMENTS).withTunnel(new TunnelRef(2, LEDGER, 5000));
        assertThat(c.route()).isEqualTo(Route.RUN_COMMAND);
        assertThat(c.tunnels()).hasSize(1);
    }
}
