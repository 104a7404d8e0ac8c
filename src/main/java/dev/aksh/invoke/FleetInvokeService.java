package dev.aksh.invoke;

import dev.aksh.azure.ArmErrors;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.FleetMember;
import dev.aksh.azure.RunResult;
import dev.aksh.error.AkshException;
import dev.aksh.error.ErrorTranslator;
import dev.aksh.error.ExitCode;
import dev.aksh.render.Progress;
import dev.aksh.session.ClusterRef;
import dev.aksh.tunnel.TunnelManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fleet invoke}: the same command on many members, each through its own route (an open
 * Bastion tunnel to the member's cluster if there is one and the local tools are installed,
 * else AKS command invoke), at most N at once (see {@link FleetRun}).
 */
public final class FleetInvokeService {
    public static final int DEFAULT_PARALLEL = 8;
    public static final int MAX_PARALLEL = 64;

    private final ClusterService clusters;
    private final InvokeService invoke;
    private final TunnelManager tunnels;
    private final TunnelRoute tunnelRoute;
    private final LocalTools tools;

    public FleetInvokeService(ClusterService clusters, InvokeService invoke, TunnelManager tunnels, TunnelRoute tunnelRoute,
            LocalTools tools) {
        this.clusters = clusters;
        this.invoke = invoke;
        this.tunnels = tunnels;
        this.tunnelRoute = tunnelRoute;
        this.tools = tools;
    }

    /**
     * Which members a selection names: {@code --members a,b} (every name must exist), {@code --group G},
     * or all. Nothing runs if any name is wrong.
     */
    public static List<FleetMember> select(List<FleetMember> all, List<String> names, String group, boolean everyone,
            String fleetName) {
        int ways = (names.isEmpty() ? 0 : 1) + (group == null ? 0 : 1) + (everyone ? 1 : 0);
        if (ways == 0) {
            throw AkshException.usage("say which members of " + fleetName + " to run on",
                    "add --members a,b, --group GROUP or --all ('fleet members' lists them)");
        }
        if (ways > 1) {
            throw AkshException.usage("--members, --group and --all choose members in different ways; give one", 
                    "e.g. --group canary, or --all");
        }
        if (everyone) {
            if (all.isEmpty()) {
                throw AkshException.notFound(fleetName + " has no members", "join clusters with 'az fleet member create'");
            }
            return all;
        }
        if (group != null) {
            List<FleetMember> in = all.stream().filter(m -> group.equalsIgnoreCase(m.group())).toList();
            if (in.isEmpty()) {
                List<String> groups = all.stream().map(FleetMember::group).filter(g -> g != null && !g.isBlank())
                        .distinct().sorted().toList();
                throw AkshException.notFound("no member of " + fleetName + " is in group '" + group + "'",
                        groups.isEmpty() ? "its members have no groups; use --members or --all"
                                : "its groups: " + String.join(", ", groups));
            }
            return in;
        }
        List<FleetMember> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            FleetMember m = all.stream().filter(x -> x.name().equalsIgnoreCase(n.trim())).findFirst().orElse(null);
            if (m == null) {
                unknown.add(n.trim());
            } else if (!out.contains(m)) {
                out.add(m);
            }
        }
        if (!unknown.isEmpty()) {
            String near = dev.aksh.text.Suggest.nearest(unknown.get(0), all.stream().map(FleetMember::name).toList());
            throw AkshException.notFound("no member " + String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList())
                    + " in " + fleetName + "; nothing was run", near != null ? "did you mean '" + near + "'?"
                            : "'fleet members' lists them");
        }
        return out;
    }

    /** Checks --parallel. */
    public static int parallel(int n) {
        if (n < 1 || n > MAX_PARALLEL) {
            throw AkshException.usage("--parallel must be 1-" + MAX_PARALLEL + ", not " + n,
                    "the default is " + DEFAULT_PARALLEL + "; ARM throttles run-command submissions beyond a few dozen at once");
        }
        return n;
    }

    /** Runs {@code command} on {@code members}; blocks; Ctrl-C (interrupt) cancels what has not started. */
    public FleetRun.Summary run(List<FleetMember> members, String command, int parallel, Duration timeout,
            FleetRun.Listener listener) {
        java.util.Map<FleetRun.Target, FleetMember> byTarget = new java.util.LinkedHashMap<>();
        members.forEach(m -> byTarget.put(new FleetRun.Target(m.name(), m.clusterShort()), m));
        java.util.Map<String, Cluster> known = prefetch(members);
        return FleetRun.run(List.copyOf(byTarget.keySet()), parallel,
                t -> runOn(byTarget.get(t), t, command, timeout, known), listener);
    }

    /**
     * The member clusters, read with one list per resource group that holds several of them rather
     * than one GET per member (fewer ARM reads against the subscription's read quota). Groups that
     * cannot be listed are left to the per-member GET, which reports the error per member.
     */
    private java.util.Map<String, Cluster> prefetch(List<FleetMember> members) {
        java.util.Map<String, List<ClusterRef>> byGroup = new java.util.LinkedHashMap<>();
        for (FleetMember m : members) {
            ClusterRef ref = ClusterRef.parseId(m.clusterId());
            if (ref != null) {
                byGroup.computeIfAbsent((ref.subscriptionId() + "/" + ref.resourceGroup()).toLowerCase(java.util.Locale.ROOT),
                        k -> new java.util.ArrayList<>()).add(ref);
            }
        }
        java.util.Map<String, Cluster> out = new java.util.concurrent.ConcurrentHashMap<>();
        for (List<ClusterRef> refs : byGroup.values()) {
            if (refs.size() < 3) {
                continue;
            }
            try {
                for (Cluster c : clusters.list(refs.get(0).subscriptionId(), refs.get(0).resourceGroup())) {
                    out.put(c.id().toLowerCase(java.util.Locale.ROOT), c);
                }
            } catch (RuntimeException e) {
                // each member will GET its own cluster and say what failed
            }
        }
        return out;
    }

    private FleetRun.Outcome runOn(FleetMember m, FleetRun.Target t, String command, Duration timeout,
            java.util.Map<String, Cluster> known) {
        long t0 = System.nanoTime();
        String route = null;
        try {
            ClusterRef ref = ClusterRef.parseId(m.clusterId());
            if (ref == null) {
                return FleetRun.Outcome.error(t, null, "member " + m.name() + " names no cluster (clusterResourceId '"
                        + m.clusterId() + "')", since(t0));
            }
            TunnelManager.Open open = tunnels.forCluster(ref);
            if (open != null && tools.missingFor(command).isEmpty()) {
                route = "tunnel";
                TunnelRoute.Ran ran = tunnelRoute.run(command, new TunnelRoute.Target(open.cluster().name(),
                        open.kubeconfig().file(), open.kubeconfig().cacheDirectory()), null, null, timeout);
                return FleetRun.Outcome.ran(t, route, ran.exitCode(), ran.stdout(), ran.stderr(), since(t0));
            }
            route = "run-command";
            Cluster cluster = known.get(ref.id().toLowerCase(java.util.Locale.ROOT));
            if (cluster == null) {
                cluster = clusters.get(ref);
            }
            InvokeService.Outcome o = invoke.invoke(cluster, new InvokeService.Request(command, List.of(), timeout, false),
                    Progress.NONE, w -> { });
            RunResult r = ((InvokeService.Finished) o).result();
            if (r.failed() || r.exitCode() == null) {
                return FleetRun.Outcome.error(t, route, "the command did not run: " + (r.reason() == null
                        ? "provisioning state " + r.provisioningState() : r.reason()), since(t0));
            }
            String logs = r.logs() == null ? "" : r.logs();
            if (((InvokeService.Finished) o).truncated()) {
                logs += "\n[aksh: AKS cut this output at 512 kB]\n";
            }
            return FleetRun.Outcome.ran(t, route, r.exitCode(), logs, "", since(t0));
        } catch (RuntimeException e) {
            AkshException a = ErrorTranslator.translate(e, List.of(new ArmErrors()));
            if (a.exitCode() == ExitCode.INTERRUPTED) {
                return new FleetRun.Outcome(t, FleetRun.Status.STOPPED, route, null, "", "", a.oneLine(), since(t0));
            }
            return FleetRun.Outcome.error(t, route, a.oneLine(), since(t0));
        }
    }

    /** For messages: members' names, shortened when there are many. */
    public static String names(List<String> names) {
        if (names.size() <= 6) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
