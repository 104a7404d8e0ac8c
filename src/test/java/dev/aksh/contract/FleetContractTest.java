package dev.aksh.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.azure.ArmRest;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.Fleet;
import dev.aksh.azure.FleetMember;
import dev.aksh.azure.FleetService;
import dev.aksh.sandbox.ArmResponse;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.WorldLoader;
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
 * The official Fleet examples (2026-06-01): served by FakeAzure as they are, read through
 * {@link ArmRest} and mapped by {@link FleetService}; and the fake's own fleet and member documents
 * spelled as the examples spell them.
 */
class FleetContractTest {
    static final String FLEET = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rgfleets/providers/"
            + "Microsoft.ContainerService/fleets/fleet1";
    static SandboxFixture sandbox;
    static FleetService fleets;

    static JsonNode body(String example) {
        return ArmExamples.read("fleet/2026-06-01/" + example).path("responses").path("200").path("body");
    }

    @BeforeAll
    static void serveTheExamples() {
        sandbox = SandboxFixture.defaultWorld();
        sandbox.azure().arm().addInterceptor(r -> {
            // the examples' own ids (subid1/rg1) differ from their request parameters: serve both
            String p = r.path().toLowerCase(Locale.ROOT);
            int at = p.indexOf("/providers/microsoft.containerservice/fleets/fleet1");
            if (at < 0) {
                return null;
            }
            String rest = p.substring(at + "/providers/microsoft.containerservice/fleets/fleet1".length());
            return switch (r.method() + " " + rest) {
                case "GET " -> ArmResponse.ok(body("Fleets_Get.json"));
                case "GET /members" -> ArmResponse.ok(body("FleetMembers_ListByFleet.json"));
                case "GET /members/member-1" -> ArmResponse.ok(body("FleetMembers_Get.json"));
                case "POST /listcredentials" -> ArmResponse.ok(body("Fleets_ListCredentialsResult.json"));
                default -> null;
            };
        });
        fleets = new FleetService(ArmRest.of(sandbox.clients()), new ClusterService(sandbox.clients()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theFleetExampleMapsToWhatShowAndTheHubNeed() {
        Fleet f = fleets.get(FLEET);
        assertThat(f.name()).isEqualTo("fleet-1");
        assertThat(f.location()).isEqualTo("East US");
        assertThat(f.hasHub()).isTrue();
        assertThat(f.privateHub()).isTrue();
        assertThat(f.hubAccess()).isEqualTo("private");
        assertThat(f.hubFqdn()).isEqualTo("dnsprefix1-abcd1234.flt.eastus.azmk8s.io");
        assertThat(f.portalFqdn()).isEqualTo("dnsprefix1-abcd1234.flt.eastus.azmk8s.io");
        assertThat(f.kubernetesVersion()).isEqualTo("1.22.4");
        assertThat(f.provisioningState()).isEqualTo("Succeeded");
        assertThat(f.lastOperationError()).isNull();
        assertThat(f.hubSubnetId()).endsWith("/myvnet/subnets/mysubnet1");
        assertThat(f.resourceGroup()).isEqualTo("rg1");
        assertThat(FleetService.hubResourceGroup(f)).isEqualTo("FL_rg1_fleet-1_eastus");
    }

    @Test
    void theMemberExamplesMapWithTheirClusterAndNoErrorForCodeNone() {
        List<FleetMember> ms = fleets.members(fleets.get(FLEET));
        assertThat(ms).hasSize(1);
        FleetMember m = ms.get(0);
        assertThat(m.name()).isEqualTo("member-1");
        assertThat(m.clusterShort()).isEqualTo("rg1/cluster-1");
        assertThat(m.state()).isEqualTo("Succeeded");
        assertThat(m.lastError()).as("code None is no error").isNull();
        assertThat(m.failed()).isFalse();
        assertThat(FleetService.toMember(body("FleetMembers_Get.json")).clusterId()).isEqualTo(m.clusterId());
    }

    @Test
    void theCredentialsExampleIsDecodedFromBase64() {
        assertThat(new String(fleets.credentials(fleets.get(FLEET)), StandardCharsets.UTF_8)).isEqualTo("credentialValue1");
    }

    @Test
    void theFakeSpellsFleetAndMemberFieldsAsTheExamplesDo() {
        Map<String, List<String>> examplesByType = Map.of(
                "Microsoft.ContainerService/fleets", List.of("Fleets_Get.json"),
                "Microsoft.ContainerService/fleets/members", List.of("FleetMembers_Get.json", "FleetMembers_ListByFleet.json"));
        List<String> misspelt = new ArrayList<>();
        try (FakeAzure world = FakeAzure.start(WorldLoader.defaultWorld())) {
            for (var e : examplesByType.entrySet()) {
                Map<String, String> byLower = new HashMap<>();
                for (String ex : e.getValue()) {
                    JsonNode b = body(ex);
                    (b.has("value") ? b.get("value") : List.of(b)).forEach(d -> ArmExamples.paths((ObjectNode) d)
                            .forEach(p -> byLower.put(p.toLowerCase(Locale.ROOT), p)));
                }
                Set<String> fakePaths = new LinkedHashSet<>();
                for (JsonNode s : world.state().subscriptions()) {
                    world.state().list("/subscriptions/" + s.get("subscriptionId").asText(), e.getKey())
                            .forEach(d -> fakePaths.addAll(ArmExamples.paths(d)));
                }
                assertThat(fakePaths).as(e.getKey() + " documents in the default world").isNotEmpty();
                assertThat(fakePaths.stream().map(p -> p.toLowerCase(Locale.ROOT)).filter(byLower::containsKey).count())
                        .as(e.getKey() + ": the fake shares the examples' fields").isGreaterThan(5);
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
