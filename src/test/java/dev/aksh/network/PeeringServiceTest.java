package dev.aksh.network;

import static dev.aksh.testing.Errors.oneLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.NetworkService;
import dev.aksh.azure.Vnet;
import dev.aksh.sandbox.ArmRequest;
import dev.aksh.session.ClusterRef;
import dev.aksh.testing.SandboxFixture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 000's peering and private DNS steps against FakeAzure over HTTPS, through the network and private DNS SDKs. */
class PeeringServiceTest {
    static final String PROD = "6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04";
    static final String PLATFORM = "0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58";
    static final String OPS = "/subscriptions/" + PLATFORM + "/resourceGroups/rg-ops/providers/Microsoft.Network/virtualNetworks/";
    SandboxFixture sandbox;
    ClusterService clusters;
    PrivateDnsService dns;
    PeeringService peering;
    List<String> writes = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        sandbox = SandboxFixture.defaultWorld();
        clusters = new ClusterService(sandbox.clients());
        dns = new PrivateDnsService(sandbox.clients());
        peering = new PeeringService(sandbox.clients(), new NetworkService(sandbox.clients()), dns);
        sandbox.azure().arm().addInterceptor((ArmRequest r) -> {
            if (!r.method().equals("GET")) {
                writes.add(r.method() + " " + r.path().substring(r.path().lastIndexOf("/providers/") + 11));
            }
            return null;
        });
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    Cluster cluster(String rg, String name) {
        return clusters.get(new ClusterRef(PROD, rg, name));
    }

    @Test
    void thePrivateZoneHoldsTheApiServersAddressAndTheClusterVnetsLink() {
        Cluster c = cluster("rg-payments", "aks-payments");
        PrivateZone z = dns.read(c);
        assertThat(z.name()).isEqualTo(c.privateFqdn().substring(c.privateFqdn().indexOf('.') + 1));
        assertThat(z.resourceGroup()).isEqualTo(c.nodeResourceGroup());
        assertThat(z.apiServerRecord().addresses()).containsExactly("10.20.0.4");
        assertThat(z.apiServerRecord().fqdn()).isEqualTo(c.privateFqdn() + ".");
        assertThat(z.links()).extracting(PrivateZone.Link::vnetName).containsExactlyInAnyOrder("vnet-payments", "vnet-hub");
        assertThat(z.links()).allSatisfy(l -> {
            assertThat(l.registration()).isFalse();
            assertThat(l.state()).isEqualTo("Completed");
        });
        assertThat(oneLine(() -> dns.read(cluster("rg-web", "aks-web")))).startsWith("67 aks-web is a public cluster");
    }

    @Test
    void createMakesTheLinkAndBothPeeringsOnceAndThenNothing() {
        Cluster c = cluster("rg-payments", "aks-payments");
        PeeringService.Plan plan = peering.plan(c, OPS + "vnet-ops", null);
        assertThat(plan.steps()).extracting(PeeringService.Step::kind).containsExactly(PeeringService.Step.Kind.DNS_LINK,
                PeeringService.Step.Kind.PEERING_TO_CLUSTER, PeeringService.Step.Kind.PEERING_FROM_CLUSTER);
        assertThat(writes).as("planning writes nothing").isEmpty();

        PeeringService.Plan after = peering.apply(plan, null);
        assertThat(writes).containsExactly(
                "PUT Microsoft.Network/privateDnsZones/" + plan.zone().name() + "/virtualNetworkLinks/aksh-vnet-ops",
                "PUT Microsoft.Network/virtualNetworks/vnet-ops/virtualNetworkPeerings/aksh-vnet-payments",
                "PUT Microsoft.Network/virtualNetworks/vnet-payments/virtualNetworkPeerings/aksh-vnet-ops");
        assertThat(after.nothingToDo()).isTrue();
        Vnet.Peering out = PeeringService.peeringTo(after.clusterVnet(), OPS + "vnet-ops");
        Vnet.Peering back = PeeringService.peeringTo(after.other(), after.clusterVnet().id());
        assertThat(out.state()).isEqualTo("Connected");
        assertThat(back.state()).as("Initiated until the cluster side peered back, then Connected").isEqualTo("Connected");
        assertThat(after.zone().linkTo(OPS + "vnet-ops").registration()).isFalse();

        writes.clear();
        PeeringService.Plan again = peering.plan(c, OPS + "vnet-ops", null);
        assertThat(again.nothingToDo()).isTrue();
        assertThat(peering.apply(again, null).nothingToDo()).isTrue();
        assertThat(writes).as("a second run writes nothing").isEmpty();
    }

    @Test
    void onlyWhatIsMissingIsPlanned() {
        String hub = "/subscriptions/" + PLATFORM + "/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub";
        // the hub peers with ledger both ways, but is not linked to ledger's zone: only the link is missing
        PeeringService.Plan plan = peering.plan(cluster("rg-ledger", "aks-ledger"), hub, "hub-dns");
        assertThat(plan.steps()).extracting(PeeringService.Step::line).containsExactly("PUT " + plan.zone().id()
                + "/virtualNetworkLinks/hub-dns  (virtualNetwork vnet-hub, registrationEnabled false)");
        // with payments it is peered and linked already (linkDns in the world)
        assertThat(peering.plan(cluster("rg-payments", "aks-payments"), hub, null).nothingToDo()).isTrue();
    }

    @Test
    void refusalsComeBeforeAnyWrite() {
        Cluster c = cluster("rg-payments", "aks-payments");
        assertThat(oneLine(() -> peering.plan(c, OPS + "vnet-lab", null))).isEqualTo("67 vnet-payments and vnet-lab overlap "
                + "(10.20.0.0/16 ~ 10.20.128.0/17), and Azure cannot peer overlapping address spaces; peer a VNet with a "
                + "distinct range");
        assertThat(oneLine(() -> peering.plan(c, peering.clusterVnetId(c), null))).startsWith("64 vnet-payments is "
                + "aks-payments's own virtual network");
        assertThat(oneLine(() -> peering.plan(c, OPS + "vnet-nope", null))).startsWith("65 no virtual network vnet-nope");
        assertThat(oneLine(() -> peering.plan(c, "vnet-ops", null))).startsWith("64 'vnet-ops' is not a virtual network's "
                + "resource id");
        assertThat(writes).isEmpty();
    }

    @Test
    void aPublicClusterIsPeeredWithoutADnsLink() {
        Cluster web = cluster("rg-web", "aks-web");
        PeeringService.Plan plan = peering.plan(web, OPS + "vnet-ops", null);
        assertThat(plan.zone()).isNull();
        assertThat(plan.zoneNote()).isEqualTo("aks-web is public: its name is in public DNS, no zone to link");
        assertThat(plan.steps()).extracting(PeeringService.Step::kind).containsExactly(
                PeeringService.Step.Kind.PEERING_TO_CLUSTER, PeeringService.Step.Kind.PEERING_FROM_CLUSTER);
    }
}
