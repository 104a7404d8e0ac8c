package dev.aksh.shell.commands;

import com.azure.core.management.exception.ManagementException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.Fleet;
import dev.aksh.azure.FleetMember;
import dev.aksh.azure.FleetService;
import dev.aksh.azure.IdentityService;
import dev.aksh.azure.Subscription;
import dev.aksh.azure.SubscriptionService;
import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.invoke.FleetInvokeService;
import dev.aksh.invoke.FleetRun;
import dev.aksh.invoke.InvokeService;
import dev.aksh.render.Console;
import dev.aksh.render.OutputFormat;
import dev.aksh.render.Progress;
import dev.aksh.render.Result;
import dev.aksh.render.Result.Column;
import dev.aksh.render.Result.Details.Field;
import dev.aksh.render.Style;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SessionState;
import dev.aksh.session.SubscriptionRef;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Durations;
import dev.aksh.shell.Invocation;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.completion.ValueCompleter;
import dev.aksh.tunnel.Kubeconfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * {@code fleet}: Kubernetes Fleet Manager fleets, their members, the hub's credentials and cluster,
 * and one command across many members.
 */
public final class FleetCommands {
    static final String GROUP = "Fleet Manager";

    /** A kubeconfig user for the hub, and what it runs. */
    public record HubUser(ObjectNode user, String description) {
    }

    private final FleetService fleets;
    private final SubscriptionService subscriptions;
    private final IdentityService identity;
    private final FleetInvokeService fleetInvoke;
    private final SessionState session;
    private final Console console;
    private final Completers completers;
    private final BiFunction<String, String, HubUser> hubUsers;
    private final Path home;
    private final Executor parallel;

    /**
     * @param hubUsers (server id, "kubelogin"|"aksh"|null for the default) → the kubeconfig user
     *     that signs in as the operator without device code
     * @param home the user's home directory, for '~' and the default kubeconfig
     * @param parallel runs per-subscription listings concurrently for {@code --all-subscriptions}
     */
    public FleetCommands(FleetService fleets, SubscriptionService subscriptions, IdentityService identity,
            FleetInvokeService fleetInvoke, SessionState session, Console console, Completers completers,
            BiFunction<String, String, HubUser> hubUsers, Path home, Executor parallel) {
        this.fleets = fleets;
        this.subscriptions = subscriptions;
        this.identity = identity;
        this.fleetInvoke = fleetInvoke;
        this.session = session;
        this.console = console;
        this.completers = completers;
        this.hubUsers = hubUsers;
        this.home = home;
        this.parallel = parallel;
    }

    public List<CommandSpec> commands() {
        OptionSpec fleet = OptionSpec.value("fleet", "NAME", "this fleet instead of the current one", completers.fleets());
        return List.of(
                CommandSpec.command("fleet list").group(GROUP).summary("List Kubernetes Fleet Manager fleets")
                        .option(OptionSpec.flag("all-subscriptions", 'A', "every subscription you can see, not just the current one"))
                        .output()
                        .example("fleet list", "the fleets of the current subscription; * marks the current one")
                        .handler(this::list).build(),
                CommandSpec.command("fleet use").group(GROUP).summary("Make a fleet current")
                        .arg("NAME|ID", "the fleet's name, RG/NAME or resource id", completers.fleets())
                        .example("fleet use fleet-prod", "by name, in the current subscription")
                        .handler(this::use).build(),
                CommandSpec.command("fleet show").group(GROUP)
                        .summary("Show a fleet: hub private or not, FQDNs, Kubernetes version, state, last error")
                        .optionalArg("NAME|ID", "a fleet (default: the current one)", completers.fleets())
                        .output()
                        .example("fleet show", "the current fleet")
                        .handler(this::show).build(),
                CommandSpec.command("fleet members").group(GROUP)
                        .summary("List a fleet's members: their clusters, groups, states and last errors")
                        .option(OptionSpec.flag("labels", "add a LABELS column"))
                        .option(fleet).output()
                        .example("fleet members", "every member (every page), failures first to the eye")
                        .example("fleet members --labels -o tsv", "for scripts")
                        .handler(this::members).build(),
                CommandSpec.command("fleet get-credentials").group(GROUP)
                        .summary("Write or merge the hub's kubeconfig, signing in as you without device code")
                        .description("""
                                Fetches the hub's kubeconfig (listCredentials) and replaces its user with one that
                                signs in as your Azure identity without a prompt: kubelogin in its azurecli mode when
                                kubelogin is installed and shares your sign-in, else aksh itself ('aksh kube-token', an
                                exec credential plugin). Device code, which Conditional Access often blocks, is never
                                used. The context is merged into ~/.kube/config (or --file), replacing entries of the
                                same name, and made current; the file is written atomically, 0600. '--file -' prints
                                the kubeconfig instead. A private hub answers only inside its network: use
                                'connect bastion --fleet' from elsewhere.""")
                        .option(OptionSpec.value("file", "PATH|-", "the kubeconfig to merge into (default ~/.kube/config); "
                                + "'-' prints it", ValueCompleter.of(List.of("~/.kube/config", "-"))))
                        .option(OptionSpec.value("context", "NAME", "the context's name (default: the fleet's name)",
                                ValueCompleter.NONE))
                        .option(OptionSpec.value("exec", "TOOL", "who gets tokens: kubelogin or aksh (default: kubelogin if "
                                + "installed and signed in through the Azure CLI, else aksh)",
                                ValueCompleter.of(List.of("kubelogin", "aksh"))))
                        .option(fleet).output()
                        .example("fleet get-credentials", "merge into ~/.kube/config; 'kubectl get memberclusters' next")
                        .example("fleet get-credentials --file - > hub.yaml", "print the kubeconfig")
                        .handler(this::getCredentials).build(),
                CommandSpec.command("fleet hub").group(GROUP)
                        .summary("Find the hub's managed cluster (in the FL_ resource group) and the Fleet RBAC roles you hold")
                        .option(fleet).output()
                        .example("fleet hub", "its resource id, for 'connect bastion --fleet' and az commands")
                        .handler(this::hub).build(),
                CommandSpec.command("fleet invoke").group(GROUP)
                        .summary("Run one command on many members, a few at a time, output grouped per member")
                        .description("""
                                Each member runs the command through its own route: an open Bastion tunnel to its
                                cluster (with your kubectl), else AKS command invoke. At most --parallel members run at
                                once (default 8); progress shows done/total and failures; each member's output is
                                printed whole when it finishes, under its name. Exits 0 when every member's command
                                exited 0, else 68 (the summary names the members that failed). ARM throttling (429)
                                is waited out as Retry-After says. Ctrl-C cancels the members that have not started
                                and stops waiting for the rest (a run-command goes on in its cluster).""")
                        .arg("COMMAND", "the command, in quotes: \"kubectl get nodes\"", ValueCompleter.NONE)
                        .option(OptionSpec.value("members", "A,B", "these members (comma-separated)", completers.members())
                                .asRepeatable())
                        .option(OptionSpec.value("group", "GROUP", "the members of this group", completers.memberGroups()))
                        .option(OptionSpec.flag("all", "every member"))
                        .option(OptionSpec.value("parallel", "N", "members at once (default " + FleetInvokeService.DEFAULT_PARALLEL
                                + ", at most " + FleetInvokeService.MAX_PARALLEL + ")", ValueCompleter.of(List.of("4", "8", "16"))))
                        .option(OptionSpec.value("timeout", "DUR", "how long each member may take (default 10m)",
                                ValueCompleter.of(List.of("1m", "10m", "30m"))))
                        .option(fleet).output()
                        .usageHint("quote the command, options after it: fleet invoke \"kubectl get nodes\" --all")
                        .example("fleet invoke \"kubectl get nodes\" --all", "every member, 8 at a time")
                        .example("fleet invoke \"kubectl rollout status deploy/api -n shop\" --group canary",
                                "the canary group")
                        .example("fleet invoke \"kubectl get pods -A | grep -v Running\" --members payments,ledger -o json",
                                "two members, one JSON document")
                        .mutation(inv -> inv.arg(0) == null ? null : dev.aksh.invoke.Mutations.find(inv.arg(0)))
                        .handler(this::invoke).build());
    }

    // ------------------------------------------------------------------ list / use / show

    private Result list(Invocation inv) {
        SessionContext c = session.get();
        boolean all = inv.flag("all-subscriptions");
        List<Fleet> found = new ArrayList<>();
        Map<String, String> subNames = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (all) {
            List<Subscription> subs = subscriptions.list();
            completers.remember(subs);
            List<CompletableFuture<List<Fleet>>> parts = new ArrayList<>();
            for (Subscription s : subs) {
                subNames.put(s.id(), s.name());
                parts.add(CompletableFuture.supplyAsync(() -> listIn(s.id()), parallel));
            }
            parts.forEach(p -> found.addAll(p.join()));
        } else {
            SubscriptionRef sub = ClusterCommands.requireSubscription(c);
            subNames.put(sub.id(), sub.name());
            found.addAll(listIn(sub.id()));
        }
        String current = c.fleet();
        List<Column<Fleet>> cols = new ArrayList<>();
        cols.add(Column.marker("CURRENT", f -> f.id().equalsIgnoreCase(String.valueOf(current)) ? "*" : ""));
        if (all) {
            cols.add(Column.of("SUBSCRIPTION", f -> subNames.getOrDefault(f.subscriptionId(), f.subscriptionId())));
        }
        cols.add(Column.styled("NAME", Fleet::name, f -> f.id().equalsIgnoreCase(String.valueOf(current)) ? Style.BOLD : Style.PLAIN));
        cols.add(Column.of("RESOURCE GROUP", Fleet::resourceGroup));
        cols.add(Column.of("LOCATION", Fleet::location));
        cols.add(Column.styled("HUB", Fleet::hubAccess, f -> f.privateHub() ? Style.ACCENT : Style.PLAIN));
        cols.add(Column.of("VERSION", f -> orEmpty(f.kubernetesVersion())));
        cols.add(Column.styled("STATE", f -> orEmpty(f.provisioningState()), f -> ClusterCommands.stateStyle(f.provisioningState())));
        String where = all ? "any subscription" : "subscription " + c.subscription().name();
        return Result.Table.of(found, cols, "No fleets found in " + where + ".");
    }

    private List<Fleet> listIn(String subscriptionId) {
        List<Fleet> list;
        try {
            list = fleets.list(subscriptionId);
        } catch (ManagementException e) {
            if (e.getValue() != null && "MissingSubscriptionRegistration".equalsIgnoreCase(e.getValue().getCode())) {
                return List.of(); // Microsoft.ContainerService fleets never used there
            }
            throw e;
        }
        completers.rememberFleets(subscriptionId, list);
        return list;
    }

    private Result use(Invocation inv) {
        Fleet f = fleets.resolve(inv.arg(0), session.get().subscription());
        session.update(s -> s.withFleet(f.id()));
        return Result.Text.of("Using fleet " + f.name() + " (resource group " + f.resourceGroup() + "): hub "
                + f.hubAccess() + (f.provisioningState() == null ? "" : ", " + f.provisioningState()) + ".\n");
    }

    private Result show(Invocation inv) {
        Fleet f = inv.arg(0) == null ? current(null) : fleets.resolve(inv.arg(0), session.get().subscription());
        List<Field> out = new ArrayList<>();
        out.add(Field.of("Name", f.name(), Style.BOLD));
        out.add(Field.of("Resource group", f.resourceGroup()));
        out.add(Field.of("Subscription", subscriptionName(f.subscriptionId())));
        out.add(Field.of("Location", f.location()));
        out.add(Field.of("Hub", !f.hasHub() ? "none (a hubless fleet: members only)"
                : f.privateHub() ? "private (its API server has no public address; 'connect bastion --fleet')" : "public",
                f.privateHub() ? Style.ACCENT : Style.PLAIN));
        if (f.hasHub()) {
            out.add(Field.of("Hub FQDN", orNone(f.hubFqdn())));
            out.add(Field.of("Portal FQDN", orNone(f.portalFqdn())));
            out.add(Field.of("Hub resource group", FleetService.hubResourceGroup(f)));
            if (f.hubSubnetId() != null) {
                out.add(Field.of("Hub subnet", f.hubSubnetId()));
            }
        }
        out.add(Field.of("Kubernetes version", orNone(f.kubernetesVersion())));
        out.add(Field.of("Provisioning state", orNone(f.provisioningState()), ClusterCommands.stateStyle(f.provisioningState())));
        out.add(Field.of("Last operation error", f.lastOperationError() == null ? "(none)" : f.lastOperationError(),
                f.lastOperationError() == null ? Style.PLAIN : Style.BAD));
        return new Result.Details(out, f);
    }

    // ------------------------------------------------------------------ members

    private Result members(Invocation inv) {
        Fleet f = current(inv);
        List<FleetMember> members = readMembers(f);
        List<Column<FleetMember>> cols = new ArrayList<>();
        cols.add(Column.styled("NAME", FleetMember::name, m -> Style.BOLD));
        cols.add(Column.of("CLUSTER", FleetMember::clusterShort));
        cols.add(Column.of("GROUP", m -> orEmpty(m.group())));
        cols.add(Column.styled("STATE", m -> orEmpty(m.state()), m -> ClusterCommands.stateStyle(m.state())));
        cols.add(Column.styled("LAST ERROR", m -> orEmpty(m.lastError()), m -> Style.BAD));
        if (inv.flag("labels")) {
            cols.add(Column.of("LABELS", m -> String.join(",", m.labels().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList())));
        }
        long failed = members.stream().filter(FleetMember::failed).count();
        if (failed > 0 && inv.output() == OutputFormat.TABLE) {
            console.warn(failed + " of " + members.size() + " members of " + f.name() + " report an error (LAST ERROR)");
        }
        return Result.Table.of(members, cols, f.name() + " has no members.");
    }

    private List<FleetMember> readMembers(Fleet f) {
        List<FleetMember> members = fleets.members(f);
        completers.rememberMembers(f, members, session.get().subscription());
        return members;
    }

    // ------------------------------------------------------------------ credentials and hub

    private Result getCredentials(Invocation inv) {
        Fleet f = current(inv);
        String exec = inv.option("exec");
        if (exec != null && !exec.equals("kubelogin") && !exec.equals("aksh")) {
            throw AkshException.usage("--exec is kubelogin or aksh, not '" + exec + "'", "leave it out for the default");
        }
        String context = inv.option("context", f.name());
        String file = inv.option("file", "~/.kube/config");
        Kubeconfig.Source source = Kubeconfig.read(fleets.credentials(f));
        String serverId = source.kubeloginServerId();
        HubUser user = null;
        ObjectNode doc;
        if (serverId == null) {
            doc = Kubeconfig.withUser(source, context, source.user());
        } else {
            user = hubUsers.apply(serverId, exec);
            doc = Kubeconfig.withUser(source, context, user.user());
        }
        byte[] bytes = Kubeconfig.bytes(doc);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fleet", f.name());
        data.put("context", context);
        data.put("server", source.server());
        data.put("user", user == null ? "as the fleet returned it" : user.description());
        if (file.equals("-")) {
            console.out().print(new String(bytes, StandardCharsets.UTF_8));
            console.out().flush();
            return Result.EMPTY;
        }
        Path target = expand(file);
        Kubeconfig.Merged merged = Kubeconfig.mergeFile(target, doc, context);
        data.put("file", target.toString());
        data.put("replaced", merged.replaced());
        data.put("previousContext", merged.previousContext());
        if (f.privateHub()) {
            console.note(f.name() + "'s hub is private: " + source.host() + " answers only inside its network; from "
                    + "here use 'connect bastion --fleet " + f.name() + " --kubeconfig " + file + "'");
        }
        StringBuilder text = new StringBuilder();
        text.append(merged.replaced() ? "Replaced" : "Merged").append(" context ").append(context).append(" (hub of ")
                .append(f.name()).append(", ").append(source.host()).append(") in ").append(target)
                .append(" and made it current").append(merged.previousContext() == null ? "" : " (was " + merged.previousContext() + ")")
                .append(".\n");
        text.append("Signs in as you through ").append(user == null ? "the fleet's own user entry" : user.description())
                .append("; no device code.\n");
        return new Result.Text(text.toString(), data);
    }

    private Result hub(Invocation inv) {
        Fleet f = current(inv);
        Cluster hub;
        try (Progress p = console.progress("finding " + f.name() + "'s hub")) {
            p.state("in " + FleetService.hubResourceGroup(f));
            hub = fleets.hub(f);
        }
        FleetService.Roles roles = roles(f);
        List<Field> out = new ArrayList<>();
        out.add(Field.of("Fleet", f.name(), Style.BOLD));
        out.add(Field.of("Hub cluster", hub.id()));
        out.add(Field.of("Resource group", hub.resourceGroup()));
        out.add(Field.of("FQDN", orNone(f.hubFqdn())));
        out.add(Field.of("Access", hub.privateCluster() ? "private" : "public", hub.privateCluster() ? Style.ACCENT : Style.PLAIN));
        out.add(Field.of("Your Fleet roles", !roles.readable() ? "unknown (" + roles.why() + ")"
                : roles.any() ? String.join(", ", roles.held()) : "none: the hub will answer 403",
                !roles.readable() ? Style.WARN : roles.any() ? Style.OK : Style.BAD));
        if (roles.readable() && !roles.any()) {
            out.add(Field.of("Missing", "one of " + String.join(", ", roles.missing()), Style.BAD));
            out.add(Field.of("To get access", "az role assignment create --role \"" + FleetService.HUB_ROLES.get(0)
                    + "\" --assignee " + identityId() + " --scope " + f.id() + " (takes a few minutes to apply)", Style.WARN));
        }
        out.add(Field.of("Next", hub.privateCluster()
                ? "connect bastion --fleet " + f.name() + ", then invoke --fleet-hub \"kubectl get memberclusters\""
                : "fleet get-credentials, then kubectl get memberclusters"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fleet", f.name());
        data.put("fleetId", f.id());
        data.put("hubId", hub.id());
        data.put("resourceGroup", hub.resourceGroup());
        data.put("fqdn", f.hubFqdn());
        data.put("private", hub.privateCluster());
        data.put("rolesReadable", roles.readable());
        data.put("roles", roles.held());
        data.put("missingRoles", roles.readable() ? roles.missing() : null);
        return new Result.Details(out, data);
    }

    private FleetService.Roles roles(Fleet f) {
        return fleets.hubRoles(f, identityId()); // unreadable when the token carries no object id
    }

    private String identityId() {
        return identity.whoami().objectId();
    }

    // ------------------------------------------------------------------ invoke

    private Result invoke(Invocation inv) {
        Fleet f = current(inv);
        String command = inv.arg(0);
        int parallelism = FleetInvokeService.parallel(inv.intOption("parallel", FleetInvokeService.DEFAULT_PARALLEL,
                Integer.MIN_VALUE, Integer.MAX_VALUE));
        Duration timeout = inv.durationOption("timeout", InvokeService.DEFAULT_TIMEOUT);
        List<String> names = new ArrayList<>();
        for (String v : inv.values("members")) {
            for (String n : v.split(",")) {
                if (!n.isBlank()) {
                    names.add(n.trim());
                }
            }
        }
        List<FleetMember> chosen = FleetInvokeService.select(readMembers(f), names, inv.option("group"), inv.flag("all"), f.name());
        boolean table = inv.output() == OutputFormat.TABLE;
        console.note("running on " + chosen.size() + " member" + (chosen.size() == 1 ? "" : "s") + " of " + f.name() + ", "
                + Math.min(parallelism, chosen.size()) + " at a time");
        FleetRun.Summary summary;
        try (Progress p = console.progress("fleet invoke on " + f.name())) {
            p.state("0/" + chosen.size());
            summary = fleetInvoke.run(chosen, command, parallelism, timeout, new FleetRun.Listener() {
                @Override
                public void finished(FleetRun.Outcome o, int done, int total, int failures) {
                    p.state(done + "/" + total + " done" + (failures == 0 ? "" : ", " + failures + " failed"));
                    if (table) {
                        p.above(() -> printMember(o));
                    } else if (!console.interactive()) {
                        console.note(done + "/" + total + " " + o.target().member() + ": " + statusWord(o));
                    }
                }

                @Override
                public void cancelling(int notStarted, int running) {
                    p.above(() -> console.warn("Ctrl-C: " + notStarted + " member" + (notStarted == 1 ? "" : "s")
                            + " will not start; stopping " + running + " running"));
                }
            });
        }
        Thread.interrupted(); // the summary says what Ctrl-C did
        return summarize(inv, f, summary, table);
    }

    private void printMember(FleetRun.Outcome o) {
        String head = "── " + o.target().member() + " (" + o.target().cluster() + ") · " + statusWord(o)
                + (o.route() == null ? "" : " · " + o.route()) + (o.took() == null ? "" : " · " + Durations.format(o.took())) + " ";
        console.out().println(console.style(head + "─".repeat(Math.max(3, 72 - head.length())),
                o.status().failure() ? Style.BAD : o.status() == FleetRun.Status.SUCCEEDED ? Style.OK : Style.WARN));
        if (o.output() != null && !o.output().isEmpty()) {
            console.out().print(o.output().endsWith("\n") ? o.output() : o.output() + "\n");
        }
        if (o.stderr() != null && !o.stderr().isEmpty()) {
            console.out().print(o.stderr().endsWith("\n") ? o.stderr() : o.stderr() + "\n");
        }
        if (o.error() != null) {
            console.out().println(console.style(o.error(), Style.BAD));
        }
        console.out().flush();
    }

    private static String statusWord(FleetRun.Outcome o) {
        return switch (o.status()) {
            case SUCCEEDED -> "exit 0";
            case FAILED -> "exit " + o.exitCode();
            case ERROR -> "did not run";
            case CANCELLED -> "cancelled";
            case STOPPED -> "stopped";
        };
    }

    private Result summarize(Invocation inv, Fleet f, FleetRun.Summary s, boolean table) {
        List<String> failed = s.failures().stream().map(o -> o.target().member()).toList();
        int total = s.outcomes().size();
        String line = total + " member" + (total == 1 ? "" : "s") + ": " + s.count(FleetRun.Status.SUCCEEDED) + " succeeded"
                + (failed.isEmpty() ? "" : ", " + failed.size() + " failed (" + FleetInvokeService.names(failed) + ")")
                + (s.count(FleetRun.Status.STOPPED) == 0 ? "" : ", " + s.count(FleetRun.Status.STOPPED) + " stopped")
                + (s.count(FleetRun.Status.CANCELLED) == 0 ? "" : ", " + s.count(FleetRun.Status.CANCELLED) + " not started");
        if (s.cancelled()) {
            inv.status(ExitCode.INTERRUPTED.code());
        } else if (!failed.isEmpty()) {
            inv.status(ExitCode.REMOTE.code());
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (FleetRun.Outcome o : s.outcomes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("member", o.target().member());
            m.put("cluster", o.target().cluster());
            m.put("status", o.status().name().toLowerCase(Locale.ROOT));
            m.put("route", o.route());
            m.put("exitCode", o.exitCode());
            m.put("seconds", o.took() == null ? null : o.took().toMillis() / 1000.0);
            m.put("output", o.output());
            m.put("stderr", o.stderr());
            m.put("error", o.error());
            data.add(m);
        }
        if (!table) {
            console.note(line);
            return new Result.Text("", data);
        }
        List<Column<FleetRun.Outcome>> cols = new ArrayList<>();
        cols.add(Column.of("MEMBER", o -> o.target().member()));
        cols.add(Column.of("CLUSTER", o -> o.target().cluster()));
        cols.add(Column.of("ROUTE", o -> orEmpty(o.route())));
        cols.add(Column.styled("RESULT", FleetCommands::statusWord, o -> o.status().failure() ? Style.BAD
                : o.status() == FleetRun.Status.SUCCEEDED ? Style.OK : Style.WARN));
        cols.add(Column.of("TIME", o -> o.took() == null ? "" : Durations.format(o.took())));
        Result.Table t = Result.Table.of(s.outcomes(), cols, "").withData(data);
        console.out().println();
        console.out().println(console.style(line, failed.isEmpty() && !s.cancelled() ? Style.OK : Style.BAD));
        return t;
    }

    // ------------------------------------------------------------------ helpers

    /** The fleet a command is about: --fleet NAME, else the current one. */
    private Fleet current(Invocation inv) {
        return Targets.fleet(inv == null ? null : inv.option("fleet"), session, fleets);
    }

    private String subscriptionName(String id) {
        SubscriptionRef s = session.get().subscription();
        if (s != null && s.id().equalsIgnoreCase(id)) {
            return s.name();
        }
        try {
            return subscriptions.resolve(id).name();
        } catch (RuntimeException e) {
            return id;
        }
    }

    private Path expand(String p) {
        return Targets.path(p, home);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "(none)" : s;
    }
}
