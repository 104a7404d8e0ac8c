package dev.aksh.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.session.ClusterRef;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SubscriptionRef;
import org.junit.jupiter.api.Test;

/** The prompt shows the whole context: sandbox, read-only, subscription, cluster and route, fleet. */
class PromptTest {
    @Test
    void theFleetFollowsTheCluster() {
        SessionContext c = SessionContext.empty(true)
                .withSubscription(new SubscriptionRef("6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04", "Contoso Production"))
                .withCluster(new ClusterRef("6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04", "rg-payments", "aks-payments"))
                .withFleet("/subscriptions/6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04/resourceGroups/rg-fleet/providers/"
                        + "Microsoft.ContainerService/fleets/fleet-prod");
        assertThat(Prompt.render(c, false, false))
                .isEqualTo("[SANDBOX] Contoso Production / aks-payments (run-command) · fleet fleet-prod > ");
        assertThat(Prompt.render(c.withFleet(null), true, false))
                .isEqualTo("[SANDBOX] [read-only] Contoso Production / aks-payments (run-command) > ");
        assertThat(Prompt.render(c, false, true)).contains("\u001b[").contains("fleet-prod");
    }
}
