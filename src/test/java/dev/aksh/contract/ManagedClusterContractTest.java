package dev.aksh.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.sandbox.ArmState;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.WorldLoader;
import dev.aksh.session.ClusterRef;
import dev.aksh.testing.InProcessAksh;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official managedCluster examples, served by FakeAzure byte-for-byte as ARM documents, read by
 * the SDK through the same code path as every cluster, mapped by {@link ClusterService}, and
 * rendered by {@code cluster show}: every field aksh uses arrives intact.
 */
class ManagedClusterContractTest {
    static InProcessAksh aksh;
    static Path worldFile;

    @BeforeAll
    static void serveTheExamples() throws IOException {
        Set<String> groups = new LinkedHashSet<>();
        for (String ex : ArmExamples.CLUSTER_EXAMPLES) {
            for (ObjectNode c : ArmExamples.clusters(ex)) {
                groups.add(ClusterRef.parseId(c.get("id").asText()).resourceGroup());
            }
        }
        StringBuilder yaml = new StringBuilder("""
                defaultSubscription: Examples
                subscriptions:
                  - id: 00000000-0000-0000-0000-000000000000
                    name: Examples
                    resourceGroups:
                """);
        groups.forEach(g -> yaml.append("      - name: ").append(g).append('\n'));
        worldFile = Files.createTempFile("examples-world", ".yaml");
        Files.writeString(worldFile, yaml);
        aksh = InProcessAksh.sandboxWorld(worldFile);
        FakeAzure fake = aksh.aksh().sandbox();
        synchronized (fake.state()) {
            for (String ex : ArmExamples.CLUSTER_EXAMPLES) {
                for (ObjectNode c : ArmExamples.clusters(ex)) {
                    fake.state().putResource(ArmState.copy(c));
                }
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        aksh.close();
        Files.deleteIfExists(worldFile);
    }

    static Stream<String> examples() {
        return ArmExamples.CLUSTER_EXAMPLES.stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleClusterDeserializesWithTheFieldsAkshUses(String example) {
        ClusterService service = new ClusterService(clients());
        for (ObjectNode raw : ArmExamples.clusters(example)) {
            ClusterRef ref = ClusterRef.parseId(raw.get("id").asText());
            ArmState state = aksh.aksh().sandbox().state();
            synchronized (state) {
                state.putResource(ArmState.copy(raw)); // the examples share ids: serve this one now
            }
            JsonNode served = raw;
            Cluster c = service.get(ref);
            JsonNode p = served.get("properties");
            JsonNode api = p.path("apiServerAccessProfile");
            assertThat(c.id()).isEqualTo(served.get("id").asText());
            assertThat(c.name()).isEqualTo(served.get("name").asText());
            assertThat(c.resourceGroup()).isEqualTo(ref.resourceGroup());
            assertThat(c.location()).isEqualTo(served.get("location").asText());
            assertThat(c.fqdn()).isEqualTo(text(p, "fqdn"));
            assertThat(c.privateFqdn()).isEqualTo(text(p, "privateFQDN"));
            assertThat(c.kubernetesVersion()).isEqualTo(p.has("currentKubernetesVersion")
                    ? text(p, "currentKubernetesVersion") : text(p, "kubernetesVersion"));
            assertThat(c.provisioningState()).isEqualTo(text(p, "provisioningState"));
            assertThat(c.nodeResourceGroup()).isEqualTo(text(p, "nodeResourceGroup"));
            assertThat(c.privateCluster()).isEqualTo(api.path("enablePrivateCluster").asBoolean(false));
            assertThat(c.runCommandDisabled()).isEqualTo(api.path("disableRunCommand").asBoolean(false));
            assertThat(c.authorizedIpRanges()).hasSize(api.path("authorizedIPRanges").size());
            if (c.privateCluster()) {
                assertThat(c.publicFqdnEnabled()).isEqualTo(api.path("enablePrivateClusterPublicFQDN").asBoolean(false));
            }
            assertThat(c.privateDnsZone()).isEqualTo(text(api, "privateDNSZone"));
            assertThat(c.sku()).isEqualTo(text(served.path("sku"), "name"));
            assertThat(c.tier()).isEqualTo(text(served.path("sku"), "tier"));
            assertThat(c.eTag()).isEqualTo(text(served, "eTag"));
            assertThat(c.aadManaged()).isEqualTo(p.path("aadProfile").path("managed").asBoolean(false));
            assertThat(c.loadBalancerSku()).isEqualTo(text(p.path("networkProfile"), "loadBalancerSku"));
        }
    }

    @Test
    void thePrivateClusterExamplesRenderInClusterShow() {
        String out = aksh.run("cluster show clustername1 -g rg1");
        assertThat(aksh.last().ok()).as(aksh.console().stderr()).isTrue();
        JsonNode served = aksh.aksh().sandbox().state().resource(
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/"
                        + "Microsoft.ContainerService/managedClusters/clustername1");
        JsonNode p = served.get("properties");
        assertThat(out).contains("Name:                 clustername1")
                .contains("Resource group:       rg1")
                .contains("Kubernetes version:   " + p.get("kubernetesVersion").asText())
                .contains("Provisioning state:   " + p.get("provisioningState").asText());
        if (p.has("privateFQDN")) {
            assertThat(out).contains(p.get("privateFQDN").asText());
        }
        if (p.has("fqdn")) {
            assertThat(out).contains("FQDN:                 " + p.get("fqdn").asText());
        }
        String json = aksh.run("cluster show clustername1 -g rg1 -o json");
        assertThat(json).contains("\"nodeResourceGroup\": \"" + p.get("nodeResourceGroup").asText() + "\"");
    }

    @Test
    void clusterListRendersEveryExampleCluster() {
        String out = aksh.run("cluster list -o tsv");
        assertThat(aksh.last().ok()).as(aksh.console().stderr()).isTrue();
        assertThat(out.lines().map(l -> l.split("\t")[0]).distinct()).contains("clustername1");
        assertThat(out).contains("location1");
    }

    @Test
    void theFakeSpellsEveryClusterFieldTheWayTheExamplesDo() {
        Set<String> examplePaths = new LinkedHashSet<>();
        for (String ex : ArmExamples.CLUSTER_EXAMPLES) {
            ArmExamples.clusters(ex).forEach(c -> examplePaths.addAll(ArmExamples.paths(c)));
        }
        Map<String, String> byLower = new HashMap<>();
        examplePaths.forEach(p -> byLower.put(p.toLowerCase(Locale.ROOT), p));
        List<String> misspelt = new ArrayList<>();
        try (FakeAzure world = FakeAzure.start(WorldLoader.defaultWorld())) {
            for (ObjectNode doc : world.state().list("/subscriptions/6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04",
                    "Microsoft.ContainerService/managedClusters")) {
                for (String path : ArmExamples.paths(doc)) {
                    String official = byLower.get(path.toLowerCase(Locale.ROOT));
                    if (official != null && !official.equals(path)) {
                        misspelt.add(path + " (examples: " + official + ")");
                    }
                }
            }
            ObjectNode sample = world.state().resource("/subscriptions/6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04/resourceGroups/"
                    + "rg-payments/providers/Microsoft.ContainerService/managedClusters/aks-payments");
            assertThat(ArmExamples.paths(sample)).contains("eTag", "properties.privateFQDN", "properties.fqdn",
                    "properties.apiServerAccessProfile.enablePrivateCluster",
                    "properties.apiServerAccessProfile.enablePrivateClusterPublicFQDN",
                    "properties.apiServerAccessProfile.disableRunCommand", "properties.nodeResourceGroup",
                    "properties.servicePrincipalProfile.clientId", "properties.powerState.code",
                    "properties.agentPoolProfiles[].vnetSubnetID", "properties.aadProfile.managed");
        }
        assertThat(misspelt).isEmpty();
    }

    private static dev.aksh.azure.AzureClients clients() {
        FakeAzure f = aksh.aksh().sandbox();
        return new dev.aksh.azure.AzureClients(() -> dev.aksh.azure.AzureEndpoints.at(f.armUrl(), f.clientTls()),
                new dev.aksh.sandbox.SandboxCredentials(f.world()), false);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
