package dev.aksh.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.session.ClusterRef;
import dev.aksh.session.Production;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SubscriptionRef;
import dev.aksh.testing.InProcessAksh;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production contexts: which match, and the question before anything changes there. */
class ProductionTest {
    static SessionContext context(String subscription, String rg, String cluster) {
        SessionContext c = SessionContext.empty(true).withSubscription(new SubscriptionRef("s", subscription));
        return cluster == null ? c : c.withCluster(new ClusterRef("s", rg, cluster));
    }

    @Test
    void patternsMatchSubscriptionClusterOrResourceGroupIgnoringCase() {
        Production p = Production.fromSetting(null);
        assertThat(p.patterns()).containsExactly("prod");
        assertThat(p.match(context("Contoso Production", "rg-web", "aks-web"))).isEqualTo("prod");
        assertThat(p.match(context("Dev", "rg-web", "aks-prod-eu"))).isEqualTo("prod");
        assertThat(p.match(context("Dev", "RG-PROD", "aks"))).isEqualTo("prod");
        assertThat(p.match(context("Dev", "rg", "aks-dev"))).isNull();
        Production custom = Production.fromSetting("live, pci");
        assertThat(custom.match(context("Payments", "rg", "aks-pci-01"))).isEqualTo("pci");
        assertThat(custom.match(context("Contoso Production", "rg", "aks"))).isNull();
        assertThat(Production.fromSetting("").patterns()).isEmpty();
    }

    @Test
    void aChangeInProductionIsAskedAboutAndRefusedWhenNotConfirmed() throws Exception {
        try (InProcessAksh a = InProcessAksh.sandbox()) {
            a.run("cluster use aks-payments");
            assertThat(a.aksh().production()).isTrue();
            a.run("invoke 'kubectl delete pod payments-api-0 -n payments'");
            assertThat(a.last().status()).isEqualTo(67);
            assertThat(a.last().error().oneLine()).isEqualTo("'invoke' of kubectl delete changes aks-payments, a production "
                    + "context (matches 'prod'), and was not confirmed; pass --yes to confirm in scripts");
            assertThat(a.console().questions()).containsExactly("aks-payments is a production context (matches 'prod'). Go "
                    + "ahead with 'invoke' of kubectl delete?");

            a.run("invoke 'kubectl get pods -n payments'");
            assertThat(a.last().status()).as("reading asks nothing").isZero();
            a.run("network peering create --vnet /subscriptions/0c9e5b7d-2a41-4f36-8d1c-7b2e4f6a9d58/resourceGroups/rg-ops/"
                    + "providers/Microsoft.Network/virtualNetworks/vnet-ops --dry-run");
            assertThat(a.last().status()).as("a dry run changes nothing, so it asks nothing").isZero();

            a.console().answer(true);
            a.run("invoke 'kubectl scale deploy/payments-api -n payments --replicas 3'");
            assertThat(a.last().status()).isZero();
        }
    }

    @Test
    void rangesShowTheDiffThenAskOnceInProduction() throws Exception {
        try (InProcessAksh a = InProcessAksh.sandbox()) {
            String out = a.run("ranges add 52.170.10.7 --cluster aks-web");
            assertThat(out).as(String.valueOf(a.last().error() == null ? "" : a.last().error().oneLine())).contains("+ 52.170.10.7/32");
            assertThat(a.last().status()).isEqualTo(67);
            assertThat(a.last().error().oneLine()).startsWith("not changed: aks-web's ranges stay as they are (a production "
                    + "context, not confirmed)");
            assertThat(a.console().questions()).containsExactly("aks-web is in a production context (matches 'prod'). Write "
                    + "this change?");
            a.console().answer(true);
            a.run("ranges set 73.140.245.0/24 84.17.53.201 --cluster aks-web");
            assertThat(a.last().status()).as(a.console().stderr()).isZero();
            assertThat(a.console().questions()).as("one question, not two").hasSize(2);
        }
    }

    @Test
    void aksProductionChoosesThePatternsAndEmptyTurnsItOff() throws Exception {
        try (InProcessAksh a = InProcessAksh.sandboxWithEnv(Map.of("AKSH_PRODUCTION", ""))) {
            a.run("cluster use aks-payments");
            assertThat(a.aksh().production()).isFalse();
            a.run("invoke 'kubectl scale deploy/payments-api -n payments --replicas 3'");
            assertThat(a.last().status()).isZero();
            assertThat(a.console().questions()).isEmpty();
        }
        try (InProcessAksh a = InProcessAksh.sandboxWithEnv(Map.of("AKSH_PRODUCTION", "ledger"))) {
            a.run("cluster use aks-payments");
            assertThat(a.aksh().production()).isFalse();
            a.run("cluster use aks-ledger");
            assertThat(a.aksh().production()).isTrue();
        }
    }

    @Test
    void theProductionPromptIsMarkedAndRed() {
        SessionContext c = context("Contoso Production", "rg-payments", "aks-payments");
        assertThat(dev.aksh.app.PromptAccess.render(c, false, true, false))
                .isEqualTo("[SANDBOX] [prod] Contoso Production / aks-payments (run-command) > ");
        assertThat(dev.aksh.app.PromptAccess.render(c, false, true, true)).contains("\u001b[").contains("[prod]");
        assertThat(List.of(dev.aksh.app.PromptAccess.render(c, false, false, false)))
                .containsExactly("[SANDBOX] Contoso Production / aks-payments (run-command) > ");
    }
}
