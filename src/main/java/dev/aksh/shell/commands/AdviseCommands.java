package dev.aksh.shell.commands;

import dev.aksh.advise.AdviseService;
import dev.aksh.advise.Advisor;
import dev.aksh.advise.Facts;
import dev.aksh.advise.ReachCheck;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.ranges.MyIp;
import dev.aksh.render.Console;
import dev.aksh.render.Progress;
import dev.aksh.render.Result;
import dev.aksh.render.Result.Column;
import dev.aksh.render.Style;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SessionState;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Invocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code connect advise} and {@code connect check}: which way in, and why; and whether this machine gets through. */
public final class AdviseCommands {
    private final AdviseService advise;
    private final ReachCheck reach;
    private final MyIp myIp;
    private final ClusterService clusters;
    private final SessionState session;
    private final Console console;
    private final Completers completers;

    public AdviseCommands(AdviseService advise, ReachCheck reach, MyIp myIp, ClusterService clusters, SessionState session,
            Console console, Completers completers) {
        this.advise = advise;
        this.reach = reach;
        this.myIp = myIp;
        this.clusters = clusters;
        this.session = session;
        this.console = console;
        this.completers = completers;
    }

    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.command("connect advise").group(ConnectCommands.GROUP)
                        .summary("Rank the ways into the cluster (seed 000's seven): ready, needs setup or not possible, and why")
                        .description("""
                                Reads the cluster and its surroundings from ARM — private or public, public FQDN, run
                                command, AKS Automatic, network resource group lockdown, the Bastions that reach its VNet
                                (SKU, native client support), peerings and their state, the private DNS zone and its
                                VNet links, authorized IP ranges and whether your IP is in them — and marks each way in
                                ready, needs setup or not possible, with the reason. It ends with the command to run
                                next (an aksh command where one exists). What could not be read is listed, not guessed.""")
                        .optionalArg("CLUSTER", "a cluster (default: the current one)", completers.clusters())
                        .output()
                        .example("connect advise", "the current cluster")
                        .example("connect advise aks-ledger -o json", "for scripts")
                        .handler(this::advise).build(),
                CommandSpec.command("connect check").group(ConnectCommands.GROUP)
                        .summary("From here: resolve the API server, try TCP and TLS, and say what is in the way (exit 1 if unreachable)")
                        .optionalArg("CLUSTER", "a cluster (default: the current one)", completers.clusters())
                        .output()
                        .example("connect check", "DNS, TCP and TLS to the current cluster's API server")
                        .handler(this::check).build());
    }

    private Cluster target(Invocation inv) {
        SessionContext c = session.get();
        if (inv.arg(0) != null) {
            return clusters.resolve(inv.arg(0), c.subscription(), null);
        }
        return Targets.cluster(inv, session, clusters);
    }

    private Result advise(Invocation inv) {
        Cluster c = target(inv);
        Facts f;
        try (Progress p = console.progress("reading " + c.name() + " and its network")) {
            f = advise.gather(c);
        }
        List<Advisor.Option> options = Advisor.advise(f);
        String next = Advisor.next(options);
        for (String u : f.unreadable()) {
            console.warn("could not read " + u);
        }
        if (f.roles() != null && inv.output() == dev.aksh.render.OutputFormat.TABLE) {
            console.note("your roles on " + c.name() + ": " + (f.roles().isEmpty() ? "none" : String.join(", ", f.roles())));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", c.name());
        data.put("facts", Map.of("private", c.privateCluster(), "vnet", String.valueOf(f.vnetName()),
                "bastions", f.bastions(), "peers", f.peers(), "dns", f.dns() == null ? "none" : f.dns(),
                "myIp", String.valueOf(f.myIp()), "roles", f.roles() == null ? "unknown" : f.roles(),
                "unreadable", f.unreadable()));
        data.put("options", options.stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("way", o.way().label());
            m.put("status", o.status().label());
            m.put("reason", o.reason());
            m.put("next", o.next());
            return m;
        }).toList());
        data.put("next", next);
        Result.Table t = Result.Table.of(options, List.of(
                Column.styled("WAY", o -> o.way().label(), o -> Style.BOLD),
                Column.styled("STATUS", o -> o.status().label(), o -> switch (o.status()) {
                    case READY -> Style.OK;
                    case NEEDS_SETUP -> Style.WARN;
                    case NOT_POSSIBLE -> Style.DIM;
                }),
                Column.of("WHY", Advisor.Option::reason),
                Column.of("NEXT", o -> o.next() == null ? "" : o.next())), "").withData(data);
        if (next != null && inv.output() == dev.aksh.render.OutputFormat.TABLE) {
            dev.aksh.render.Renderer.render(t, inv.output(), console);
            console.out().println();
            console.out().println(console.style("Next: ", Style.BOLD) + next);
            return Result.EMPTY;
        }
        return t;
    }

    private Result check(Invocation inv) {
        Cluster c = target(inv);
        String ip = null;
        if (!c.privateCluster() && !c.authorizedIpRanges().isEmpty()) {
            try {
                ip = myIp.find().ip();
            } catch (MyIp.NotFound e) {
                console.warn("this machine's public IP is unknown: " + e.getMessage());
            }
        }
        ReachCheck.Report r;
        try (Progress p = console.progress("checking " + c.name() + "'s API server from here")) {
            r = reach.check(c, ip);
        }
        if (!r.reachable()) {
            inv.status(1);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", c.name());
        data.put("reachable", r.reachable());
        data.put("probes", r.probes());
        return Result.Table.of(r.probes(), List.of(
                Column.styled("NAME", ReachCheck.Probe::host, p -> Style.BOLD),
                Column.of("ROLE", ReachCheck.Probe::role),
                Column.of("DNS", ReachCheck.Probe::dns),
                Column.of("TCP 443", ReachCheck.Probe::tcp),
                Column.of("TLS", ReachCheck.Probe::tls),
                Column.styled("VERDICT", p -> p.explanation(), p -> p.verdict() == ReachCheck.Verdict.REACHABLE ? Style.OK
                        : Style.WARN)), "").withData(data);
    }
}
