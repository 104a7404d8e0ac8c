package dev.aksh.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.session.ClusterRef;
import dev.aksh.session.SubscriptionRef;
import dev.aksh.testing.SandboxFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The azure-resourcemanager clients against FakeAzure: list, get, find. */
class ClusterServiceTest {
    static final String PROD = "6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04";
    static final SubscriptionRef PROD_REF = new SubscriptionRef(PROD, "Contoso Production");
    static SandboxFixture sandbox;
    static ClusterService clusters;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.defaultWorld();
        clusters = new ClusterService(sandbox.clients());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void listsTheClustersOfASubscriptionOrOfOneResourceGroup() {
        assertThat(clusters.list(PROD, null)).extracting(Cluster::name)
                .containsExactly("aks-auto", "aks-batch", "aks-dev", "aks-ledger", "aks-payments", "aks-web", "hub");
        assertThat(clusters.list(PROD, "rg-web")).extracting(Cluster::name).containsExactly("aks-web");
    }

    @Test
    void readsTheFactsThatDecideHowToReachACluster() {
        Cluster p = clusters.get(new ClusterRef(PROD, "rg-payments", "aks-payments"));
        assertThat(p.privateCluster()).isTrue();
        assertThat(p.publicFqdnEnabled()).isTrue();
        assertThat(p.fqdn()).endsWith(".hcp.westeurope.azmk8s.io");
        assertThat(p.privateFqdn()).contains(".privatelink.westeurope.azmk8s.io");
        assertThat(p.aadManaged()).isTrue();
        assertThat(p.runCommandDisabled()).isFalse();
        assertThat(p.nodeResourceGroup()).isEqualTo("MC_rg-payments_aks-payments_westeurope");
        assertThat(p.nodeSubnetId()).endsWith("/virtualNetworks/vnet-payments/subnets/aks-nodes");
        assertThat(p.eTag()).isNotBlank();

        Cluster web = clusters.get(new ClusterRef(PROD, "rg-web", "aks-web"));
        assertThat(web.privateCluster()).isFalse();
        assertThat(web.publicFqdnEnabled()).isNull();
        assertThat(web.authorizedIpRanges()).containsExactly("73.140.245.0/24", "137.117.106.88/29");

        Cluster ledger = clusters.get(new ClusterRef(PROD, "rg-ledger", "aks-ledger"));
        assertThat(ledger.runCommandDisabled()).isTrue();
        Cluster auto = clusters.get(new ClusterRef(PROD, "rg-apps", "aks-auto"));
        assertThat(auto.automatic()).isTrue();
        assertThat(auto.nodeResourceGroupLockdown()).isTrue();
        Cluster dev = clusters.get(new ClusterRef(PROD, "rg-dev", "aks-dev"));
        assertThat(dev.running()).isFalse();
        assertThat(dev.aadManaged()).isFalse();
    }

    @Test
    void findsAClusterByNameGroupSlashNameOrResourceId() {
        assertThat(clusters.resolve("aks-web", PROD_REF, null).resourceGroup()).isEqualTo("rg-web");
        assertThat(clusters.resolve("AKS-WEB", PROD_REF, null).name()).isEqualTo("aks-web");
        assertThat(clusters.resolve("rg-web/aks-web", PROD_REF, null).name()).isEqualTo("aks-web");
        assertThat(clusters.resolve("aks-web", PROD_REF, "rg-web").name()).isEqualTo("aks-web");
        String otherSub = "/subscriptions/0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58/resourceGroups/rg-analytics/providers/"
                + "Microsoft.ContainerService/managedClusters/aks-analytics";
        assertThat(clusters.resolve(otherSub, PROD_REF, null).subscriptionId()).isEqualTo("0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58");
    }

    @Test
    void aMissingClusterSuggestsTheNearestNameAndExitsNotFound() {
        assertThatThrownBy(() -> clusters.resolve("aks-paymnts", PROD_REF, null))
                .isInstanceOfSatisfying(AkshException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
                    assertThat(e.oneLine()).isEqualTo(
                            "no cluster 'aks-paymnts' in subscription Contoso Production; did you mean 'aks-payments'?");
                });
        assertThatThrownBy(() -> clusters.resolve("aks-web", PROD_REF, "rg-nope"))
                .isInstanceOfSatisfying(AkshException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("no resource group 'rg-nope' in subscription Contoso Production"));
        assertThatThrownBy(() -> clusters.resolve("rg-web/aks-nope", PROD_REF, null))
                .isInstanceOfSatisfying(AkshException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("no cluster 'aks-nope' in resource group 'rg-web'"));
    }

    @Test
    void theSameNameInTwoGroupsIsAmbiguousAndSaysHowToChoose() {
        try (SandboxFixture twins = SandboxFixture.world("""
                subscriptions:
                  - id: 11111111-1111-4111-8111-111111111111
                    name: Twins
                    resourceGroups:
                      - name: rg-a
                        clusters: [{name: aks}]
                      - name: rg-b
                        clusters: [{name: aks}]
                """)) {
            ClusterService svc = new ClusterService(twins.clients());
            assertThatThrownBy(() -> svc.resolve("aks", new SubscriptionRef("11111111-1111-4111-8111-111111111111", "Twins"), null))
                    .isInstanceOfSatisfying(AkshException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.oneLine()).isEqualTo(
                                "several clusters are named 'aks' (resource groups rg-a, rg-b); give -g RG or RG/NAME");
                    });
        }
    }

    @Test
    void longListsArePagedWithNextLinkAndEveryPageIsFollowed() {
        StringBuilder yaml = new StringBuilder("""
                arm: {pageSize: 3}
                subscriptions:
                  - id: 22222222-2222-4222-8222-222222222222
                    name: Big
                    resourceGroups:
                      - name: rg-many
                        clusters:
                """);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String n = String.format("aks-%02d", i);
            names.add(n);
            yaml.append("          - {name: ").append(n).append("}\n");
        }
        try (SandboxFixture big = SandboxFixture.world(yaml.toString())) {
            List<String> pages = new ArrayList<>();
            big.azure().arm().addInterceptor(r -> {
                if (r.path().endsWith("managedClusters")) {
                    pages.add(r.query().getOrDefault("$skipToken", "first"));
                }
                return null;
            });
            assertThat(new ClusterService(big.clients()).list("22222222-2222-4222-8222-222222222222", null))
                    .extracting(Cluster::name).containsExactlyElementsOf(names);
            assertThat(pages).containsExactly("first", "3", "6", "9");
        }
    }
}
