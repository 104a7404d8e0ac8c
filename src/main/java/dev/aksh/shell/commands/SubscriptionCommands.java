package dev.aksh.shell.commands;

import dev.aksh.azure.Subscription;
import dev.aksh.azure.SubscriptionService;
import dev.aksh.render.Result;
import dev.aksh.render.Result.Column;
import dev.aksh.render.Style;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SessionState;
import dev.aksh.session.SubscriptionRef;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Invocation;
import java.util.List;

/** {@code subscription list} and {@code subscription use}. */
public final class SubscriptionCommands {
    private static final String GROUP = "Context";

    private final SubscriptionService subscriptions;
    private final SessionState session;
    private final Completers completers;

    public SubscriptionCommands(SubscriptionService subscriptions, SessionState session, Completers completers) {
        this.subscriptions = subscriptions;
        this.session = session;
        this.completers = completers;
    }

    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.command("subscription list").group(GROUP).summary("List the subscriptions you can see")
                        .output()
                        .example("subscription list", "name, id, state and tenant; * marks the current one")
                        .handler(this::list).build(),
                CommandSpec.command("subscription use").group(GROUP).summary("Make a subscription current")
                        .arg("NAME|ID", "the subscription's name or id", completers.subscriptions())
                        .example("subscription use 'Contoso Production'", "names with spaces need quotes")
                        .example("subscription use 6f1d3a52-8c4e-4b7a-9e21-3d5f7a9c1b04", "by id")
                        .handler(this::use).build());
    }

    private Result list(Invocation inv) {
        List<Subscription> all = subscriptions.list();
        completers.remember(all);
        SessionContext c = session.get();
        String current = c.subscription() == null ? "" : c.subscription().id();
        return Result.Table.of(all, List.of(
                Column.<Subscription>marker("CURRENT", s -> s.id().equalsIgnoreCase(current) ? "*" : ""),
                Column.<Subscription>styled("NAME", Subscription::name,
                        s -> s.id().equalsIgnoreCase(current) ? Style.BOLD : Style.PLAIN),
                Column.of("ID", Subscription::id),
                Column.<Subscription>styled("STATE", Subscription::state,
                        s -> "Enabled".equalsIgnoreCase(s.state()) ? Style.OK : Style.WARN),
                Column.of("TENANT", Subscription::tenantId)),
                "No subscriptions are visible to this identity (try 'whoami', or 'login --tenant T').");
    }

    private Result use(Invocation inv) {
        Subscription s = subscriptions.resolve(inv.arg(0));
        SessionContext after = session.update(c -> {
            SessionContext next = c.withSubscription(new SubscriptionRef(s.id(), s.name()));
            if (c.cluster() != null && !c.cluster().subscriptionId().equalsIgnoreCase(s.id())) {
                // the current cluster lives elsewhere: keep it as previous, so 'cluster use -' returns to it
                next = new SessionContext(next.subscription(), null, c.cluster(), next.fleet(),
                        next.route(), next.readOnly(), next.sandbox(), next.tunnels());
            }
            return next;
        });
        completers.cache().refresh(Completers.clustersKey(s.id()));
        String note = after.cluster() == null && session.get().previousCluster() != null ? " (no cluster selected)" : "";
        return Result.Text.of("Using subscription " + s.name() + " (" + s.id() + ")" + note + ".\n");
    }
}
