package dev.aksh.shell.commands;

import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.Subscription;
import dev.aksh.azure.SubscriptionService;
import dev.aksh.error.AkshException;
import dev.aksh.render.Result;
import dev.aksh.render.Result.Column;
import dev.aksh.render.Result.Details.Field;
import dev.aksh.render.Style;
import dev.aksh.session.ClusterRef;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SessionState;
import dev.aksh.session.SubscriptionRef;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Invocation;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.completion.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** {@code cluster list}, {@code cluster use}, {@code cluster show}. */
public final class ClusterCommands {
    private static final String GROUP = "Clusters";

    private final ClusterService clusters;
    private final SubscriptionService subscriptions;
    private final SessionState session;
    private final Completers completers;
    private final Executor parallel;

    /**
     * @param parallel runs per-subscription listings concurrently for {@code --all-subscriptions}
     */
    public ClusterCommands(ClusterService clusters, SubscriptionService subscriptions, SessionState session,
            Completers completers, Executor parallel) {
        this.clusters = clusters;
        this.subscriptions = subscriptions;
        this.session = session;
        this.completers = completers;
        this.parallel = parallel;
    }

    public List<CommandSpec> commands() {
        OptionSpec group = OptionSpec.value("resource-group", 'g', "RG", "only this resource group",
                completers.resourceGroups());
        return List.of(
                CommandSpec.command("cluster list").group(GROUP).summary("List managed clusters")
                        .option(OptionSpec.flag("all-subscriptions", 'A', "every subscription you can see, not just the current one"))
                        .option(group)
                        .output()
                        .example("cluster list", "the clusters of the current subscription; * marks the current one")
                        .example("cluster list --all-subscriptions -o tsv", "every cluster you can see, for scripts")
                        .handler(this::list).build(),
                CommandSpec.command("cluster use").group(GROUP).summary("Make a cluster current ('-' for the previous one)")
                        .arg("NAME|ID|-", "the cluster's name, RG/NAME, resource id, or '-' for the previous cluster",
                                r -> withPrevious(completers.clusters().suggest(r)))
                        .option(group)
                        .example("cluster use aks-payments", "by name, in the current subscription")
                        .example("cluster use -", "back to the previous cluster")
                        .handler(this::use).build(),
                CommandSpec.command("cluster show").group(GROUP)
                        .summary("Show how a cluster can be reached: private or public, FQDNs, ranges, run command…")
                        .optionalArg("NAME|ID", "a cluster (default: the current one)", completers.clusters())
                        .option(group)
                        .output()
                        .example("cluster show", "the current cluster")
                        .example("cluster show aks-web -o json", "another cluster, as JSON")
                        .handler(this::show).build());
    }

    private List<Suggestion> withPrevious(List<Suggestion> names) {
        if (session.get().previousCluster() == null) {
            return names;
        }
        List<Suggestion> out = new ArrayList<>(names);
        out.add(Suggestion.of("-", "previous: " + session.get().previousCluster().name()));
        return out;
    }

    private Result list(Invocation inv) {
        SessionContext c = session.get();
        String rg = inv.option("resource-group");
        boolean all = inv.flag("all-subscriptions");
        List<Cluster> found = new ArrayList<>();
        Map<String, String> subNames = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (all) {
            List<Subscription> subs = subscriptions.list();
            completers.remember(subs);
            List<CompletableFuture<List<Cluster>>> parts = new ArrayList<>();
            for (Subscription s : subs) {
                subNames.put(s.id(), s.name());
                parts.add(CompletableFuture.supplyAsync(() -> listIn(s.id(), rg), parallel));
            }
            for (CompletableFuture<List<Cluster>> p : parts) {
                found.addAll(p.join());
            }
        } else {
            SubscriptionRef sub = requireSubscription(c);
            subNames.put(sub.id(), sub.name());
            found.addAll(listIn(sub.id(), rg));
        }
        ClusterRef current = c.cluster();
        List<Column<Cluster>> cols = new ArrayList<>();
        cols.add(Column.marker("CURRENT", k -> current != null && current.sameAs(k.ref()) ? "*" : ""));
        if (all) {
            cols.add(Column.of("SUBSCRIPTION", k -> subNames.getOrDefault(k.subscriptionId(), k.subscriptionId())));
        }
        cols.add(Column.styled("NAME", Cluster::name, k -> current != null && current.sameAs(k.ref()) ? Style.BOLD : Style.PLAIN));
        cols.add(Column.of("RESOURCE GROUP", Cluster::resourceGroup));
        cols.add(Column.of("LOCATION", Cluster::location));
        cols.add(Column.of("VERSION", Cluster::kubernetesVersion));
        cols.add(Column.styled("ACCESS", Cluster::access, k -> k.privateCluster() ? Style.ACCENT : Style.PLAIN));
        cols.add(Column.styled("POWER", k -> k.powerState() == null ? "" : k.powerState(), k -> k.running() ? Style.OK : Style.WARN));
        cols.add(Column.styled("STATE", Cluster::provisioningState, k -> stateStyle(k.provisioningState())));
        String where = all ? "any subscription" : "subscription " + c.subscription().name();
        return Result.Table.of(found, cols, "No clusters found in " + where + (rg == null ? "" : ", resource group " + rg) + ".");
    }

    private List<Cluster> listIn(String subscriptionId, String rg) {
        List<Cluster> list = clusters.list(subscriptionId, rg);
        if (rg == null) {
            completers.rememberClusters(subscriptionId, list);
        }
        return list;
    }

    private Result use(Invocation inv) {
        SessionContext c = session.get();
        String spec = inv.arg(0);
        Cluster cluster;
        if (spec.equals("-")) {
            ClusterRef prev = c.previousCluster();
            if (prev == null) {
                throw AkshException.usage("there is no previous cluster", "'cluster use NAME' first");
            }
            cluster = clusters.get(prev);
        } else {
            cluster = clusters.resolve(spec, c.subscription(), inv.option("resource-group"));
        }
        SubscriptionRef sub = c.subscription() != null && c.subscription().id().equalsIgnoreCase(cluster.subscriptionId())
                ? c.subscription()
                : new SubscriptionRef(cluster.subscriptionId(), subscriptionName(cluster.subscriptionId()));
        session.update(s -> s.withSubscription(sub).withCluster(cluster.ref()));
        return Result.Text.of("Using cluster " + cluster.name() + " (resource group " + cluster.resourceGroup()
                + ", subscription " + sub.name() + "): " + summary(cluster) + ".\n");
    }

    private String subscriptionName(String id) {
        for (Suggestion s : completers.cache().get(Completers.SUBSCRIPTIONS)) {
            if (s.value().equalsIgnoreCase(id) && s.description() != null) {
                return s.description();
            }
        }
        return subscriptions.resolve(id).name();
    }

    /** One line on how the cluster can be reached. */
    static String summary(Cluster k) {
        List<String> parts = new ArrayList<>();
        if (k.privateCluster()) {
            parts.add(Boolean.TRUE.equals(k.publicFqdnEnabled()) ? "private, public FQDN on" : "private, public FQDN off");
        } else {
            parts.add(k.authorizedIpRanges().isEmpty() ? "public" : "public, " + k.authorizedIpRanges().size()
                    + " authorized IP range" + (k.authorizedIpRanges().size() == 1 ? "" : "s"));
        }
        parts.add(k.runCommandDisabled() ? "run command disabled" : "run command enabled");
        if (k.automatic()) {
            parts.add("AKS Automatic");
        }
        if (!k.running()) {
            parts.add(k.powerState().toLowerCase(java.util.Locale.ROOT));
        }
        return String.join(", ", parts);
    }

    private Result show(Invocation inv) {
        SessionContext c = session.get();
        Cluster k;
        if (inv.arg(0) == null) {
            if (c.cluster() == null) {
                throw AkshException.usage("no current cluster", "give a NAME, or 'cluster use NAME' first");
            }
            k = clusters.get(c.cluster());
        } else {
            k = clusters.resolve(inv.arg(0), c.subscription(), inv.option("resource-group"));
        }
        String subName = c.subscription() != null && c.subscription().id().equalsIgnoreCase(k.subscriptionId())
                ? c.subscription().name() : k.subscriptionId();
        List<Field> f = new ArrayList<>();
        f.add(Field.of("Name", k.name(), Style.BOLD));
        f.add(Field.of("Resource group", k.resourceGroup()));
        f.add(Field.of("Subscription", subName));
        f.add(Field.of("Location", k.location()));
        f.add(Field.of("Access", k.privateCluster() ? "private (API server has no public address)" : "public",
                k.privateCluster() ? Style.ACCENT : Style.PLAIN));
        f.add(Field.of("FQDN", orNone(k.fqdn())));
        f.add(Field.of("Private FQDN", orNone(k.privateFqdn())));
        f.add(Field.of("Public FQDN", k.publicFqdnEnabled() == null ? "n/a (public cluster)" : k.publicFqdnEnabled() ? "on" : "off"));
        f.add(Field.of("Authorized IP ranges", k.authorizedIpRanges().isEmpty()
                ? (k.privateCluster() ? "n/a (private cluster)" : "off (any address may reach the API server)")
                : String.join(", ", k.authorizedIpRanges())));
        f.add(Field.of("Run command", k.runCommandDisabled() ? "disabled" : "enabled",
                k.runCommandDisabled() ? Style.WARN : Style.OK));
        f.add(Field.of("Entra ID (AAD)", k.aadManaged() ? "AKS-managed" + (k.azureRbac() ? ", Azure RBAC" : "")
                : "not AKS-managed"));
        f.add(Field.of("Local accounts", k.localAccountsDisabled() ? "disabled" : "enabled"));
        f.add(Field.of("SKU", orNone(k.sku()) + ", tier " + orNone(k.tier())));
        f.add(Field.of("Node resource group", orNone(k.nodeResourceGroup())));
        f.add(Field.of("NRG lockdown", k.nodeResourceGroupLockdown() ? "on (ReadOnly)" : "off",
                k.nodeResourceGroupLockdown() ? Style.WARN : Style.PLAIN));
        f.add(Field.of("Power state", orNone(k.powerState()), k.running() ? Style.OK : Style.WARN));
        f.add(Field.of("Provisioning state", orNone(k.provisioningState()), stateStyle(k.provisioningState())));
        f.add(Field.of("Kubernetes version", orNone(k.kubernetesVersion())));
        if (c.cluster() != null && c.cluster().sameAs(k.ref())) {
            f.add(Field.of("Route", c.routeLabel()));
        }
        return new Result.Details(f, k);
    }

    static SubscriptionRef requireSubscription(SessionContext c) {
        if (c.subscription() == null) {
            throw AkshException.usage("no subscription selected", "run 'subscription list', then 'subscription use NAME'");
        }
        return c.subscription();
    }

    static Style stateStyle(String state) {
        if (state == null) {
            return Style.PLAIN;
        }
        return switch (state.toLowerCase(java.util.Locale.ROOT)) {
            case "succeeded" -> Style.OK;
            case "failed", "canceled" -> Style.BAD;
            default -> Style.WARN;
        };
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "(none)" : s;
    }
}
