package dev.aksh.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.resourcemanager.privatedns.fluent.models.VirtualNetworkLinkInner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.network.PrivateDnsService;
import dev.aksh.network.PrivateZone;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.WorldLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The official private DNS link examples (2024-06-01): mapped by aksh, and spelled the same by the fake. */
class PrivateDnsContractTest {

    static JsonNode body(String example) {
        return ArmExamples.read("privatedns/2024-06-01/" + example).path("responses").path("200").path("body");
    }

    static PrivateZone.Link map(JsonNode doc) throws Exception {
        try (JsonReader r = JsonProviders.createReader(doc.toString())) {
            return PrivateDnsService.toLink(VirtualNetworkLinkInner.fromJson(r));
        }
    }

    @Test
    void theLinkExamplesMapToWhatPeeringNeeds() throws Exception {
        PrivateZone.Link l = map(body("VirtualNetworkLinkGet.json"));
        assertThat(l.name()).isEqualTo("virtualNetworkLink1");
        assertThat(l.vnetId()).endsWith("/virtualNetworks/virtualNetworkName");
        assertThat(l.vnetName()).isEqualTo("virtualNetworkName");
        assertThat(l.registration()).isFalse();
        assertThat(l.state()).isEqualTo("Completed");
        List<PrivateZone.Link> listed = new ArrayList<>();
        for (JsonNode v : body("VirtualNetworkLinkList.json").path("value")) {
            listed.add(map(v));
        }
        assertThat(listed).hasSize(2).allSatisfy(x -> assertThat(x.vnetId()).isNotBlank());
    }

    @Test
    void theFakeSpellsZoneLinkFieldsAsTheExamplesDo() {
        Map<String, String> byLower = new HashMap<>();
        for (String ex : List.of("VirtualNetworkLinkGet.json", "VirtualNetworkLinkList.json")) {
            JsonNode b = body(ex);
            (b.has("value") ? b.get("value") : List.of(b)).forEach(d -> ArmExamples.paths((ObjectNode) d)
                    .forEach(p -> byLower.put(p.toLowerCase(Locale.ROOT), p)));
        }
        List<String> misspelt = new ArrayList<>();
        Set<String> fakePaths = new LinkedHashSet<>();
        try (FakeAzure world = FakeAzure.start(WorldLoader.defaultWorld())) {
            world.state().list("/subscriptions", "Microsoft.Network/privateDnsZones/virtualNetworkLinks")
                    .forEach(d -> fakePaths.addAll(ArmExamples.paths(d)));
        }
        assertThat(fakePaths).isNotEmpty();
        assertThat(fakePaths.stream().map(p -> p.toLowerCase(Locale.ROOT)).filter(byLower::containsKey).count())
                .isGreaterThanOrEqualTo(8);
        for (String p : fakePaths) {
            String official = byLower.get(p.toLowerCase(Locale.ROOT));
            if (official != null && !official.equals(p)) {
                misspelt.add(p + " (examples: " + official + ")");
            }
        }
        assertThat(misspelt).isEmpty();
    }
}
