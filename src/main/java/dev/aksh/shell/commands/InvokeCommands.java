package dev.aksh.shell.commands;

import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.RunResult;
import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.invoke.InvokeService;
import dev.aksh.invoke.LocalTools;
import dev.aksh.invoke.TunnelRoute;
import dev.aksh.render.OutputFormat;
import dev.aksh.session.Route;
import dev.aksh.tunnel.TunnelManager;
import dev.aksh.render.Console;
import dev.aksh.render.Progress;
import dev.aksh.render.Result;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SessionState;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Invocation;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.completion.ValueCompleter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code invoke} and {@code invoke result}: kubectl and helm on a private cluster, through AKS
 * command invoke, or through an open Bastion tunnel with the operator's own tools.
 */
public final class InvokeCommands {
    private static final String GROUP = "Run commands";

    private final InvokeService invoke;
    private final TunnelManager tunnels;
    private final TunnelRoute tunnelRoute;
    private final LocalTools tools;
    private final ClusterService clusters;
    private final SessionState session;
    private final Console console;
    private final Completers completers;
    private final ValueCompleter commandCompleter;
    private final RunListener afterRun;

    /** Sees every finished run: the cluster, the command, what came back. */
    @FunctionalInterface
    public interface RunListener {
        void finished(Cluster cluster, String command, InvokeService.Finished result);
    }

    /**
     * @param commandCompleter completes inside the quoted command (kubectl/helm verbs, kinds, names)
     * @param afterRun sees every finished run (completion harvests names from the output)
     */
    public InvokeCommands(InvokeService invoke, TunnelManager tunnels, TunnelRoute tunnelRoute, LocalTools tools,
            ClusterService clusters, SessionState session, Console console, Completers completers,
            ValueCompleter commandCompleter, RunListener afterRun) {
        this.invoke = invoke;
        this.tunnels = tunnels;
        this.tunnelRoute = tunnelRoute;
        this.tools = tools;
        this.clusters = clusters;
        this.session = session;
        this.console = console;
        this.completers = completers;
        this.commandCompleter = commandCompleter;
        this.afterRun = afterRun;
    }

    public List<CommandSpec> commands() {
        OptionSpec cluster = OptionSpec.value("cluster", "NAME", "run on this cluster instead of the current one",
                completers.clusters());
        return List.of(
                CommandSpec.command("invoke").group(GROUP)
                        .summary("Run kubectl or helm on the cluster: through AKS command invoke, or an open Bastion tunnel")
                        .description("""
                                Route run-command (the default): the command runs in a pod that AKS starts in the
                                cluster, which has kubectl, helm, jq, grep, awk and xargs; its output comes back here
                                and aksh exits with the command's own exit status. Quote the command: pipes, && and
                                quotes inside it go to the remote bash unchanged. --file attaches files or directories
                                (a directory keeps its tree; '.' attaches the current directory) into the command's
                                working directory. The wait has no fixed cap (10 minutes by default); Ctrl-C stops
                                waiting and prints the id to fetch the result later.
                                Route tunnel (after 'connect bastion' to the cluster): the command runs here, in bash,
                                with your own kubectl and helm pointed at the tunnel; output streams as it comes, files
                                are read from the current directory, and Ctrl-C stops the command. --via chooses the
                                route for one command.""")
                        .arg("COMMAND", "the command, in quotes: \"kubectl get pods -n kube-system\"", commandCompleter)
                        .option(OptionSpec.value("file", 'f', "PATH", "attach a file or directory",
                                ValueCompleter.files(java.nio.file.Path.of(System.getProperty("user.dir")),
                                        java.nio.file.Path.of(System.getProperty("user.home"))))
                                .asRepeatable())
                        .option(OptionSpec.flag("no-wait", "submit, print the command id, and return"))
                        .option(OptionSpec.value("timeout", "DUR", "how long to wait (default 10m)", ValueCompleter.of(
                                List.of("30s", "2m", "10m", "30m"))))
                        .option(OptionSpec.flag("fleet-hub", "run on the current fleet's hub, through the tunnel "
                                + "'connect bastion --fleet' opened"))
                        .option(OptionSpec.value("via", "ROUTE", "run-command or tunnel (default: the cluster's route)",
                                ValueCompleter.of(List.of("run-command", "tunnel"))))
                        .option(cluster)
                        .output()
                        .usageHint("quote the command, options after it: invoke \"kubectl get pods -n kube-system\" [--file F]")
                        .example("invoke \"kubectl get pods -n kube-system\"", "seed 003: one command")
                        .example("invoke \"kubectl apply -f deployment.yaml -n default\" --file deployment.yaml",
                                "seed 003: with an attached file")
                        .example("invoke \"kubectl apply -f . -n default\" --file .", "attach the current directory")
                        .example("invoke \"helm repo add bitnami https://charts.bitnami.com/bitnami && helm repo update && "
                                + "helm install my-release bitnami/nginx\"", "seed 003: several commands")
                        .example("invoke \"kubectl get pods -A | grep -v Running\" --no-wait", "submit and come back later")
                        .example("invoke \"kubectl logs deploy/payments-api -n payments --tail 50\"",
                                "after 'connect bastion': your own kubectl, through the tunnel")
                        .example("invoke --fleet-hub \"kubectl get memberclusters\"",
                                "seed 002: after 'connect bastion --fleet', the hub's member clusters")
                        .example("invoke \"kubectl get nodes\" --via run-command", "through AKS command invoke although a tunnel is open")
                        .mutation(inv -> inv.arg(0) == null ? null : dev.aksh.invoke.Mutations.find(inv.arg(0)))
                        .handler(this::invoke).build(),
                CommandSpec.command("invoke result").group(GROUP)
                        .summary("Fetch the result of a command submitted earlier (--no-wait, or after Ctrl-C)")
                        .arg("ID", "the command id invoke printed", ValueCompleter.NONE)
                        .option(cluster)
                        .output()
                        .example("invoke result 0e9872e6629349dc865e27ee6f8bab2d", "its output and exit status, or 'still running'")
                        .handler(this::result).build());
    }

    private Cluster target(Invocation inv) {
        return Targets.cluster(inv, session, clusters);
    }

    private Result invoke(Invocation inv) {
        String command = inv.arg(0);
        if (inv.flag("fleet-hub")) {
            return onFleetHub(inv, command);
        }
        Route via = via(inv);
        TunnelManager.Open tunnel = tunnelFor(inv);
        Route route = via != null ? via : tunnel != null ? Route.TUNNEL : Route.RUN_COMMAND;
        if (route == Route.TUNNEL) {
            if (tunnel == null) {
                throw AkshException.usage("no tunnel is open to " + clusterName(inv),
                        "open one with 'connect bastion', or leave out --via tunnel");
            }
            if (inv.flag("no-wait")) {
                throw AkshException.usage("--no-wait is for the run-command route; on the tunnel route the command runs here",
                        "add --via run-command, or leave out --no-wait");
            }
            List<String> missing = tools.missingFor(command);
            if (missing.isEmpty()) {
                return viaTunnel(inv, tunnel, command);
            }
            String what = String.join(" and ", missing) + (missing.size() > 1 ? " are" : " is") + " not installed here";
            String hint = String.join("; ", missing.stream().map(LocalTools::installHint).toList());
            if (via == Route.TUNNEL || !console.confirm(what + " (" + hint + "). Run this command through AKS command "
                    + "invoke instead?")) {
                throw AkshException.notFound(what + ", so the tunnel route cannot run this command",
                        hint + ", or add --via run-command");
            }
            console.note("running through AKS command invoke instead");
        }
        invoke.fetchClusterTokenAhead();
        Cluster cluster = target(inv);
        InvokeService.Request request = new InvokeService.Request(command, inv.values("file"),
                inv.durationOption("timeout", InvokeService.DEFAULT_TIMEOUT), inv.flag("no-wait"));
        InvokeService.Outcome outcome;
        try (Progress p = console.progress("invoke on " + cluster.name())) {
            outcome = invoke.invoke(cluster, request, p, console::warn);
        }
        if (outcome instanceof InvokeService.Submitted s) {
            console.note("submitted; fetch the result with 'invoke result " + s.commandId()
                    + (inv.option("cluster") != null ? " --cluster " + cluster.name() : "") + "'");
            return new Result.Text(s.commandId() + "\n", Map.of("id", s.commandId(), "cluster", cluster.name()));
        }
        return finished(inv, cluster, command, (InvokeService.Finished) outcome);
    }

    /**
     * The hub of the current fleet, through its open tunnel (found without asking Azure: the tunnel
     * to a cluster in the fleet's {@code FL_<rg>_<fleet>_} resource group).
     */
    private Result onFleetHub(Invocation inv, String command) {
        if (inv.option("cluster") != null || (inv.option("via") != null && !inv.option("via").equals("tunnel"))) {
            throw AkshException.usage("--fleet-hub runs on the fleet's hub through its tunnel", "leave out --cluster and --via");
        }
        String fleetId = session.get().fleet();
        dev.aksh.azure.ArmId fleet = fleetId == null ? null : dev.aksh.azure.ArmId.parse(fleetId);
        if (fleet == null) {
            throw AkshException.usage("no current fleet", "'fleet use NAME', then 'connect bastion --fleet'");
        }
        String prefix = ("FL_" + fleet.resourceGroup() + "_" + fleet.name() + "_").toLowerCase(java.util.Locale.ROOT);
        TunnelManager.Open hub = tunnels.list().stream()
                .filter(t -> t.cluster().subscriptionId().equalsIgnoreCase(fleet.subscriptionId())
                        && t.cluster().resourceGroup().toLowerCase(java.util.Locale.ROOT).startsWith(prefix))
                .findFirst().orElse(null);
        if (hub == null) {
            throw AkshException.usage("no tunnel to " + fleet.name() + "'s hub is open", "open one with 'connect bastion --fleet'");
        }
        List<String> missing = tools.missingFor(command);
        if (!missing.isEmpty()) {
            throw AkshException.notFound(String.join(" and ", missing) + (missing.size() > 1 ? " are" : " is")
                    + " not installed here, and the hub is reached only through the tunnel",
                    String.join("; ", missing.stream().map(LocalTools::installHint).toList()));
        }
        TunnelRoute.Target target = new TunnelRoute.Target(fleet.name() + " hub", hub.kubeconfig().file(),
                hub.kubeconfig().cacheDirectory());
        java.time.Duration timeout = inv.has("timeout") ? inv.durationOption("timeout", null) : null;
        boolean stream = inv.output() == OutputFormat.TABLE;
        StringBuilder errors = new StringBuilder();
        java.io.Writer err = new java.io.Writer() {
            @Override
            public void write(char[] b, int off, int len) {
                if (errors.length() < 64 * 1024) {
                    errors.append(b, off, len);
                }
                console.err().write(b, off, len);
            }

            @Override
            public void flush() {
                console.err().flush();
            }

            @Override
            public void close() {
            }
        };
        TunnelRoute.Ran ran = stream ? tunnelRoute.run(command, target, console.out(), err, timeout)
                : tunnelRoute.run(command, target, null, null, timeout);
        String stderr = stream ? errors.toString() : ran.stderr();
        if (ran.exitCode() != 0 && stderr != null && (stderr.contains("Forbidden") || stderr.contains("Unauthorized")
                || stderr.contains("forbidden"))) {
            console.note("the hub refused you: Fleet Manager RBAC role assignments take a few minutes to apply after they "
                    + "are made; 'fleet hub' shows which roles you hold");
        }
        return tunnelResult(inv, ran, stream, fleet.name(), hub.cluster().name());
    }

    private Route via(Invocation inv) {
        String v = inv.option("via");
        if (v == null) {
            return null;
        }
        Route r = Route.fromLabel(v);
        if (r == null) {
            throw AkshException.usage("unknown route '" + v + "'", "use --via run-command or --via tunnel");
        }
        return r;
    }

    /** The open tunnel to the target cluster, found without asking Azure. */
    private TunnelManager.Open tunnelFor(Invocation inv) {
        SessionContext c = session.get();
        String name = inv.option("cluster");
        if (name == null) {
            return c.cluster() == null ? null : tunnels.forCluster(c.cluster());
        }
        return tunnels.list().stream()
                .filter(t -> t.cluster().name().equalsIgnoreCase(name) || t.cluster().id().equalsIgnoreCase(name)
                        || (t.cluster().resourceGroup() + "/" + t.cluster().name()).equalsIgnoreCase(name))
                .findFirst().orElse(null);
    }

    private String clusterName(Invocation inv) {
        String name = inv.option("cluster");
        if (name != null) {
            return name;
        }
        SessionContext c = session.get();
        if (c.cluster() == null) {
            throw AkshException.usage("no current cluster", "'cluster use NAME' first, or give --cluster NAME");
        }
        return c.cluster().name();
    }

    private Result viaTunnel(Invocation inv, TunnelManager.Open tunnel, String command) {
        for (String f : inv.values("file")) {
            if (!java.nio.file.Files.exists(java.nio.file.Path.of(f))) {
                throw AkshException.usage("no file or directory '" + f + "'", "check the path (it is read from here)");
            }
        }
        if (!inv.values("file").isEmpty()) {
            console.note("on the tunnel route, kubectl reads files from here directly; --file is not needed");
        }
        TunnelRoute.Target target = new TunnelRoute.Target(tunnel.cluster().name(), tunnel.kubeconfig().file(),
                tunnel.kubeconfig().cacheDirectory());
        java.time.Duration timeout = inv.has("timeout") ? inv.durationOption("timeout", null) : null;
        boolean stream = inv.output() == OutputFormat.TABLE;
        TunnelRoute.Ran ran = stream
                ? tunnelRoute.run(command, target, console.out(), console.err(), timeout)
                : tunnelRoute.run(command, target, null, null, timeout);
        return tunnelResult(inv, ran, stream, null, tunnel.cluster().name());
    }

    /** The exit status is the command's; streamed output has been printed, captured output is the result. */
    private static Result tunnelResult(Invocation inv, TunnelRoute.Ran ran, boolean streamed, String fleet, String cluster) {
        inv.status(ran.exitCode());
        if (streamed) {
            return Result.EMPTY;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (fleet != null) {
            data.put("fleet", fleet);
        }
        data.put("cluster", cluster);
        data.put("route", "tunnel");
        data.put("exitCode", ran.exitCode());
        data.put("logs", ran.stdout());
        data.put("stderr", ran.stderr());
        return Result.Text.verbatim(ran.stdout(), data);
    }

    private Result result(Invocation inv) {
        Cluster cluster = target(inv);
        InvokeService.Outcome outcome = invoke.result(cluster, inv.arg(0));
        if (outcome instanceof InvokeService.Running r) {
            throw new AkshException(ExitCode.PENDING, "command " + r.commandId() + " is still running on " + cluster.name(),
                    "ask again in a moment");
        }
        return finished(inv, cluster, null, (InvokeService.Finished) outcome);
    }

    private Result finished(Invocation inv, Cluster cluster, String command, InvokeService.Finished f) {
        RunResult r = f.result();
        if (r.failed() || !r.succeeded() && r.exitCode() == null) {
            throw AkshException.remote("the command did not run on " + cluster.name() + ": "
                    + (r.reason() == null ? "provisioning state " + r.provisioningState() : r.reason()),
                    "see 'cluster show' and the cluster's nodes; the command pod needs 200m CPU and 500Mi memory to schedule");
        }
        if (command != null) {
            afterRun.finished(cluster, command, f);
        }
        if (f.truncated()) {
            console.warn("AKS cut this output at 512 kB; for the whole output use the tunnel route ('connect bastion') "
                    + "and your own kubectl, or narrow the command");
        }
        inv.status(r.exitCode() == null ? 0 : r.exitCode());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", cluster.name());
        data.put("id", r.id());
        data.put("provisioningState", r.provisioningState());
        data.put("exitCode", r.exitCode());
        data.put("startedAt", r.startedAt());
        data.put("finishedAt", r.finishedAt());
        data.put("truncated", f.truncated());
        data.put("logs", r.logs() == null ? "" : r.logs());
        return Result.Text.verbatim(r.logs() == null ? "" : r.logs(), data);
    }
}
