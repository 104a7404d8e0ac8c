package dev.aksh.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.azure.Bastion;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.NetworkService;
import dev.aksh.azure.Vnet;
import dev.aksh.sandbox.ArmResponse;
import dev.aksh.sandbox.ArmState;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.WorldLoader;
import dev.aksh.session.ClusterRef;
import dev.aksh.testing.SandboxFixture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official network and credential examples: served by FakeAzure as they are, read through the
 * SDK and mapped by {@link NetworkService} and {@link ClusterService}; and the fake's own network
 * documents spelled as the examples spell them.
 */
class NetworkContractTest {
    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static SandboxFixture sandbox;
    static NetworkService network;

    @BeforeAll
    static void serveTheExamples() {
        sandbox = SandboxFixture.world("""
                subscriptions:
                  - id: %s
                    name: Examples
                    resourceGroups:
                      - name: rg1
                      - name: peerTest
                """.formatted(SUB));
        ArmState state = sandbox.azure().state();
        synchronized (state) {
            for (String ex : List.of("network/2026-07-01/BastionHostGet.json", "network/2026-07-01/BastionHostListByResourceGroup.json")) {
                for (ObjectNode b : bodies(ex)) {
                    state.putResource(ArmState.copy(b));
                }
            }
            state.putResource(ArmState.copy(bodies("network/2026-03-01/VirtualNetworkGet.json").get(0)));
            ObjectNode vnet1 = ArmState.copy(bodies("network/2026-03-01/VirtualNetworkGet.json").get(0));
            vnet1.put("name", "vnet1");
            vnet1.put("id", "/subscriptions/" + SUB + "/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet1");
            state.putResource(vnet1);
            for (ObjectNode p : bodies("network/2026-07-01/VirtualNetworkPeeringList.json")) {
                ObjectNode typed = ArmState.copy(p);
                typed.put("type", "Microsoft.Network/virtualNetworks/virtualNetworkPeerings");
                state.putResource(typed);
            }
        }
        network = new NetworkService(sandbox.clients());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static List<ObjectNode> bodies(String example) {
        JsonNode body = ArmExamples.read(example).path("responses").path("200").path("body");
        List<ObjectNode> out = new ArrayList<>();
        if (body.has("value")) {
            body.get("value").forEach(v -> out.add((ObjectNode) v));
        } else {
            out.add((ObjectNode) body);
        }
        return out;
    }

    @Test
    void theBastionExamplesMapToWhatTunnelsNeed() {
        List<Bastion> listed = network.bastionsIn(SUB, "rg1");
        List<ObjectNode> raw = bodies("network/2026-07-01/BastionHostListByResourceGroup.json");
        assertThat(listed).extracting(Bastion::name).contains(raw.stream().map(r -> r.get("name").asText()).toArray(String[]::new));
        Bastion b = listed.stream().filter(x -> x.name().equals("bastionhosttenant")).findFirst().orElseThrow();
        assertThat(b.sku()).isEqualTo("Standard");
        assertThat(b.tunneling()).isFalse();
        assertThat(b.dnsName()).isEqualTo("bst-9d89d361-100e-4c01-b92d-466548c476dc.bastion.azure.com");
        assertThat(b.vnetId()).isEqualTo("/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/vnet");
        assertThat(b.publicIpId()).endsWith("/publicIPAddresses/pipName");
        assertThat(b.provisioningState()).isEqualTo("Succeeded");
        assertThat(b.unusableBecause()).isEqualTo("native client support (enableTunneling) is off");
        assertThat(network.bastion(b.id())).isEqualTo(b);
    }

    @Test
    void theVnetExampleAndItsPeeringsMapToDiscoverysFacts() {
        Vnet v = network.vnet("/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/test-vnet");
        assertThat(v.name()).isEqualTo("test-vnet");
        assertThat(v.addressSpace()).containsExactly("10.0.0.0/16");
        assertThat(v.bastionIds()).as("a load balancer's IP configuration is not a Bastion").isEmpty();
        Vnet peered = network.vnet("/subscriptions/" + SUB + "/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet1");
        assertThat(peered.peerings()).extracting(Vnet.Peering::remoteName).containsExactly("vnet2", "vnet3");
        assertThat(peered.peerings()).allSatisfy(p -> {
            assertThat(p.state()).isEqualTo("Initiated");
            assertThat(p.connected()).isFalse();
        });
    }

    @Test
    void theCredentialExampleIsReadAsBytesAndANonKubeconfigIsExplained() {
        sandbox.azure().arm().addInterceptor(r -> r.path().endsWith("/listClusterUserCredential")
                ? ArmResponse.ok((ObjectNode) ArmExamples.read("aks/2026-08-01/ManagedClustersListClusterUserCredentials.json")
                        .path("responses").path("200").path("body"))
                : null);
        byte[] value = new ClusterService(sandbox.clients()).kubeconfig(new ClusterRef(SUB, "rg1", "clustername1"), false);
        assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("credentialValue1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.aksh.tunnel.Kubeconfig.read(value))
                .hasMessage("the kubeconfig AKS returned is not a kubeconfig");
    }

    @Test
    void theFakeSpellsNetworkAndCredentialFieldsAsTheExamplesDo() {
        Map<String, List<String>> examplesByType = Map.of(
                "Microsoft.Network/bastionHosts", List.of("network/2026-07-01/BastionHostGet.json",
                        "network/2026-07-01/BastionHostListByResourceGroup.json"),
                "Microsoft.Network/virtualNetworks", List.of("network/2026-03-01/VirtualNetworkGet.json",
                        "network/2026-07-01/VirtualNetworkGetWithSubnetDelegation.json"),
                "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", List.of("network/2026-07-01/VirtualNetworkPeeringGet.json",
                        "network/2026-07-01/VirtualNetworkPeeringList.json"));
        List<String> misspelt = new ArrayList<>();
        try (FakeAzure world = FakeAzure.start(WorldLoader.defaultWorld())) {
            for (var e : examplesByType.entrySet()) {
                Map<String, String> byLower = new HashMap<>();
                for (String ex : e.getValue()) {
                    bodies(ex).forEach(b -> ArmExamples.paths(b).forEach(p -> byLower.put(p.toLowerCase(Locale.ROOT), p)));
                }
                Set<String> fakePaths = new LinkedHashSet<>();
                for (JsonNode s : world.state().subscriptions()) {
                    world.state().list("/subscriptions/" + s.get("subscriptionId").asText(), e.getKey())
                            .forEach(d -> fakePaths.addAll(ArmExamples.paths(d)));
                }
                assertThat(fakePaths).as(e.getKey() + " documents in the default world").isNotEmpty();
                for (String p : fakePaths) {
                    String official = byLower.get(p.toLowerCase(Locale.ROOT));
                    if (official != null && !official.equals(p)) {
                        misspelt.add(p + " (examples: " + official + ")");
                    }
                }
            }
        }
        assertThat(misspelt).isEmpty();
    }
}
