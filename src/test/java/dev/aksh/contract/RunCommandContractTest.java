package dev.aksh.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.sandbox.ArmResponse;
import dev.aksh.testing.InProcessAksh;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The official run-command examples: aksh's request has the example request's shape, and the
 * example results (succeeded in lower case, failed with a reason) come through {@code invoke result}
 * with their fields intact.
 */
class RunCommandContractTest {

    @Test
    void theRequestHasTheShapeOfTheExample() throws Exception {
        JsonNode example = ArmExamples.read("aks/2026-08-01/RunCommandRequest.json").at("/parameters/requestPayload");
        List<JsonNode> sent = new ArrayList<>();
        try (InProcessAksh aksh = InProcessAksh.sandbox()) {
            aksh.aksh().sandbox().arm().addInterceptor(r -> {
                if (r.path().endsWith("/runCommand")) {
                    sent.add(r.body());
                }
                return null;
            });
            aksh.run("cluster use aks-payments; invoke 'kubectl get ns' --no-wait");
            assertThat(aksh.last().ok()).as(aksh.console().stderr()).isTrue();
        }
        assertThat(sent).hasSize(1);
        JsonNode body = sent.get(0);
        List<String> exampleFields = new ArrayList<>();
        example.fieldNames().forEachRemaining(exampleFields::add);
        List<String> ours = new ArrayList<>();
        body.fieldNames().forEachRemaining(ours::add);
        assertThat(exampleFields).containsAll(ours);
        assertThat(ours).contains("command", "clusterToken");
        assertThat(body.get("command").asText()).isEqualTo("kubectl get ns");
        assertThat(body.get("clusterToken").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    @Test
    void theExampleResultsComeThroughInvokeResultIntact() throws Exception {
        for (String name : List.of("RunCommandResultSucceed", "RunCommandResultFailed")) {
            JsonNode example = ArmExamples.read("aks/2026-08-01/" + name + ".json");
            JsonNode body = example.at("/responses/200/body");
            String id = example.at("/parameters/commandId").asText();
            try (InProcessAksh aksh = InProcessAksh.sandbox()) {
                aksh.aksh().sandbox().arm().addInterceptor(r -> r.path().endsWith("/commandResults/" + id)
                        ? ArmResponse.ok((ObjectNode) body.deepCopy()) : null);
                String json = aksh.run("cluster use aks-payments; invoke result " + id + " -o json");
                JsonNode p = body.get("properties");
                if (p.has("exitCode")) {
                    assertThat(aksh.last().status()).isEqualTo(p.get("exitCode").asInt());
                    assertThat(json).contains("\"id\": \"" + id + "\"")
                            .contains("\"provisioningState\": \"" + p.get("provisioningState").asText() + "\"")
                            .contains("\"logs\": \"" + p.get("logs").asText() + "\"")
                            .contains("\"startedAt\": \"" + p.get("startedAt").asText() + "\"")
                            .contains("\"finishedAt\": \"" + p.get("finishedAt").asText() + "\"");
                    assertThat(aksh.run("cluster use aks-payments; invoke result " + id)).endsWith(p.get("logs").asText());
                } else {
                    assertThat(aksh.last().status()).isEqualTo(68);
                    assertThat(aksh.last().error().getMessage())
                            .isEqualTo("the command did not run on aks-payments: " + p.get("reason").asText());
                }
            }
        }
    }
}
