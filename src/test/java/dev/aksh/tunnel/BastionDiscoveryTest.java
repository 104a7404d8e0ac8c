package dev.aksh.tunnel;

import static dev.aksh.tunnel.NetworkWorlds.HUB;
import static dev.aksh.tunnel.NetworkWorlds.SPOKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.NetworkService;
import dev.aksh.session.ClusterRef;
import dev.aksh.testing.SandboxFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Finding the Bastion, over the wire against worlds with the shapes operators meet. */
class BastionDiscoveryTest {
    static SandboxFixture sandbox;
    static BastionDiscovery discovery;
    static ClusterService clusters;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.world(NetworkWorlds.world());
        clusters = new ClusterService(sandbox.clients());
        discovery = new BastionDiscovery(new NetworkService(sandbox.clients()), id -> id.equals(HUB) ? "Hub" : id);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Cluster cluster(String name) {
        return clusters.get(new ClusterRef(SPOKE, "rg-app", name));
    }

    static List<String> names(BastionDiscovery.Found f) {
        return f.candidates().stream().map(c -> c.bastion().name()).toList();
    }

    @Test
    void aPeeredHubInAnotherSubscriptionIsFoundAndSaysSo() {
        BastionDiscovery.Found f = discovery.find(cluster("aks-app"));
        assertThat(names(f)).containsExactly("bas-hub");
        BastionDiscovery.Candidate hub = f.candidates().get(0);
        assertThat(hub.usable()).isTrue();
        assertThat(hub.bastion().sku()).isEqualTo("Premium");
        assertThat(hub.via()).isEqualTo("in vnet-hub (subscription Hub), peered with vnet-app");
        assertThat(hub.bastion().dnsName()).startsWith("127.0.0.1:");
    }

    @Test
    void aPeeringConnectedOnOneSideOnlyIsNotAWayInAndIsNoted() {
        BastionDiscovery.Found f = discovery.find(cluster("aks-app"));
        assertThat(names(f)).doesNotContain("bas-orphan");
        assertThat(f.notes()).containsExactly("peering app-to-orphan from vnet-app to vnet-orphan is Initiated, "
                + "so traffic cannot cross it yet");
    }

    @Test
    void aBastionInTheClustersOwnVnetIsFound() {
        BastionDiscovery.Found f = discovery.find(cluster("aks-basic"));
        assertThat(names(f)).containsExactly("bas-basic");
        assertThat(f.candidates().get(0).via()).isEqualTo("in the cluster's virtual network vnet-basic");
        assertThat(f.usable()).isEmpty();
        assertThat(f.unusable().get(0).bastion().unusableBecause())
                .isEqualTo("SKU Basic has no native client support (Standard or Premium needed)");
    }

    @Test
    void aBastionInTheNodeResourceGroupIsFoundForAClusterWithoutItsOwnSubnet() {
        BastionDiscovery.Found f = discovery.find(cluster("aks-managed"));
        assertThat(names(f)).containsExactly("bas-managed");
        assertThat(f.candidates().get(0).via())
                .isEqualTo("in the cluster's node resource group MC_rg-app_aks-managed_westeurope");
    }

    @Test
    void severalAreAllReturnedInTheOrderFound() {
        try (SandboxFixture contoso = SandboxFixture.defaultWorld()) {
            ClusterService cs = new ClusterService(contoso.clients());
            BastionDiscovery d = new BastionDiscovery(new NetworkService(contoso.clients()), id -> id);
            BastionDiscovery.Found f = d.find(cs.get(new ClusterRef("6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04", "rg-ledger",
                    "aks-ledger")));
            assertThat(f.usable()).extracting(c -> c.bastion().name()).containsExactly("bas-ledger", "bas-hub");
        }
    }

    @Test
    void noneIsAnEmptyAnswerWithNothingUnreadable() {
        BastionDiscovery.Found f = discovery.find(cluster("aks-alone"));
        assertThat(f.candidates()).isEmpty();
        assertThat(f.unreadable()).isEmpty();
    }

    @Test
    void whatCannotBeReadIsNamedInsteadOfSilentlyMissing() {
        try (SandboxFixture denied = SandboxFixture.world(NetworkWorlds.world(NetworkWorlds.vnetId(HUB, "rg-hub", "vnet-hub")))) {
            ClusterService cs = new ClusterService(denied.clients());
            BastionDiscovery d = new BastionDiscovery(new NetworkService(denied.clients()), id -> id);
            BastionDiscovery.Found f = d.find(cs.get(new ClusterRef(SPOKE, "rg-app", "aks-app")));
            assertThat(f.candidates()).isEmpty();
            assertThat(f.unreadable()).containsExactly("virtual network vnet-hub, a virtual network peered with vnet-app "
                    + "(no Reader role)");
        }
    }
}
