package dev.aksh.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.testing.InProcessAksh;
import org.junit.jupiter.api.Test;

/** The official Subscriptions_List example served by FakeAzure, read by the SDK, rendered by {@code subscription list}. */
class SubscriptionContractTest {

    @Test
    void theExampleSubscriptionsRenderWithNameIdStateAndTenant() throws Exception {
        JsonNode example = ArmExamples.read("resources/2022-12-01/GetSubscriptions.json").at("/responses/200/body/value");
        try (InProcessAksh aksh = InProcessAksh.sandbox()) {
            var state = aksh.aksh().sandbox().state();
            synchronized (state) {
                example.forEach(s -> state.putSubscription((ObjectNode) s.deepCopy()));
            }
            String table = aksh.run("subscription list");
            assertThat(aksh.last().ok()).as(aksh.console().stderr()).isTrue();
            String json = aksh.run("subscription list -o json");
            for (JsonNode s : example) {
                assertThat(table).containsPattern(s.get("displayName").asText() + "\\s+" + s.get("subscriptionId").asText()
                        + "\\s+" + s.get("state").asText() + "\\s+" + s.get("tenantId").asText());
                assertThat(json).contains("\"id\": \"" + s.get("subscriptionId").asText() + "\"")
                        .contains("\"name\": \"" + s.get("displayName").asText() + "\"")
                        .contains("\"tenantId\": \"" + s.get("tenantId").asText() + "\"");
            }
            assertThat(aksh.run("subscription use 'Example Subscription2'")).contains("72ac930a-f34e-42d8-b06d-dc2a9e12ed71");
        }
    }
}
