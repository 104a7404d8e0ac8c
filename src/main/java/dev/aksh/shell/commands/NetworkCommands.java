package dev.aksh.shell.commands;

import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.NetworkService;
import dev.aksh.azure.Vnet;
import dev.aksh.network.PeeringService;
import dev.aksh.network.PrivateDnsService;
import dev.aksh.network.PrivateZone;
import dev.aksh.render.Console;
import dev.aksh.render.Progress;
import dev.aksh.render.Result;
import dev.aksh.render.Result.Column;
import dev.aksh.render.Style;
import dev.aksh.session.SessionState;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Invocation;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.Safety;
import dev.aksh.shell.completion.ValueCompleter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code network dns}, {@code network peering show|create}: the private DNS zone and VNet peering of seed 000. */
public final class NetworkCommands {
    static final String GROUP = "Network";

    private final PrivateDnsService dns;
    private final PeeringService peering;
    private final NetworkService network;
    private final ClusterService clusters;
    private final SessionState session;
    private final Console console;
    private final Completers completers;

    public NetworkCommands(PrivateDnsService dns, PeeringService peering, NetworkService network, ClusterService clusters,
            SessionState session, Console console, Completers completers) {
        this.dns = dns;
        this.peering = peering;
        this.network = network;
        this.clusters = clusters;
        this.session = session;
        this.console = console;
        this.completers = completers;
    }

    public List<CommandSpec> commands() {
        OptionSpec cluster = OptionSpec.value("cluster", "NAME", "this cluster instead of the current one", completers.clusters());
        return List.of(
                CommandSpec.command("network dns").group(GROUP)
                        .summary("Show the cluster's private DNS zone, the API server's A record, and the VNets linked to it")
                        .option(cluster).output()
                        .example("network dns", "which VNets can resolve the current cluster's private FQDN")
                        .handler(this::dns).build(),
                CommandSpec.command("network peering show").group(GROUP)
                        .summary("Show the cluster's VNet, its peerings and whether each peer can resolve the API server")
                        .option(cluster).output()
                        .example("network peering show", "peerings of the current cluster's VNet")
                        .handler(this::show).build(),
                CommandSpec.command("network peering create").group(GROUP)
                        .summary("Peer a VNet with the cluster's both ways and link it to the private DNS zone (seed 000)")
                        .description("""
                                The CLI steps of seed 000 as one command: link the VNet to the cluster's private DNS
                                zone (registration off), create the peering from that VNet to the cluster's and the one
                                back (allow VNet access), then show their state. Only what is missing is made, so it can
                                run again safely; --dry-run prints the ARM calls it would make. Overlapping address
                                spaces are refused before anything is written.""")
                        .option(OptionSpec.value("vnet", "ID", "the other VNet's resource id (where your VM is)",
                                ValueCompleter.NONE).asRequired())
                        .option(OptionSpec.value("name", "NAME", "the peerings' and link's name (default aksh-<remote VNet>)",
                                ValueCompleter.NONE))
                        .option(OptionSpec.flag("dry-run", "print the ARM calls and make none"))
                        .option(cluster).output()
                        .example("network peering create --vnet /subscriptions/…/resourceGroups/rg-ops/providers/"
                                + "Microsoft.Network/virtualNetworks/vnet-ops --dry-run", "what it would do")
                        .safety(Safety.WRITE)
                        .handler(this::create).build());
    }

    private Cluster target(Invocation inv) {
        return Targets.cluster(inv, session, clusters);
    }

    private Result dns(Invocation inv) {
        Cluster c = target(inv);
        PrivateZone z = dns.read(c);
        record Row(String kind, String name, String value, String state) {
        }
        List<Row> rows = new ArrayList<>();
        for (PrivateZone.Record r : z.records()) {
            rows.add(new Row("A", r.name(), String.join(", ", r.addresses()),
                    z.apiServerRecord() == r ? "API server" : ""));
        }
        for (PrivateZone.Link l : z.links()) {
            rows.add(new Row("LINK", l.name(), l.vnetId(), (l.state() == null ? "" : l.state())
                    + (l.registration() ? ", registration on" : "")));
        }
        console.note("zone " + z.name() + " in " + z.resourceGroup() + (z.apiServerRecord() == null
                ? "; no A record for " + c.privateFqdn() + ": the name does not resolve even inside linked VNets" : ""));
        return Result.Table.of(rows, List.of(Column.of("KIND", Row::kind), Column.styled("NAME", Row::name, r -> Style.BOLD),
                Column.of("VALUE", Row::value), Column.of("NOTE", Row::state)), "The zone has no records and no links.")
                .withData(z);
    }

    private Result show(Invocation inv) {
        Cluster c = target(inv);
        Vnet v = network.vnet(peering.clusterVnetId(c));
        PrivateZone zone = c.privateCluster() && !"none".equalsIgnoreCase(c.privateDnsZone()) ? dns.read(c) : null;
        record Row(String name, String remote, String state, String dns) {
        }
        List<Row> rows = new ArrayList<>();
        for (Vnet.Peering p : v.peerings()) {
            String resolves = zone == null ? "n/a" : zone.linkTo(p.remoteVnetId()) != null ? "linked" : "not linked";
            rows.add(new Row(p.name(), p.remoteVnetId(), p.state(), resolves));
        }
        console.note(c.name() + " is in " + v.name() + " (" + String.join(", ", v.addressSpace()) + ")"
                + (zone == null ? "" : "; private DNS zone " + zone.name()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", c.name());
        data.put("vnet", v.id());
        data.put("peerings", rows);
        return Result.Table.of(rows, List.of(Column.styled("NAME", Row::name, r -> Style.BOLD), Column.of("REMOTE VNET", Row::remote),
                Column.styled("STATE", Row::state, r -> "Connected".equalsIgnoreCase(r.state()) ? Style.OK : Style.WARN),
                Column.styled("DNS", Row::dns, r -> "not linked".equals(r.dns()) ? Style.WARN : Style.PLAIN)),
                v.name() + " has no peerings.").withData(data);
    }

    private Result create(Invocation inv) {
        Cluster c = target(inv);
        String name = inv.option("name");
        PeeringService.Plan plan;
        try (Progress p = console.progress("reading " + c.name() + "'s network")) {
            plan = peering.plan(c, inv.option("vnet"), name);
        }
        if (plan.zoneNote() != null) {
            console.note(plan.zoneNote());
        }
        if (plan.nothingToDo()) {
            console.note("nothing to do: " + plan.other().name() + " and " + plan.clusterVnet().name()
                    + " are peered both ways" + (plan.zone() == null ? "" : " and " + plan.other().name() + " is linked to "
                    + plan.zone().name()));
            return state(plan, List.of(), false);
        }
        if (inv.flag("dry-run")) {
            for (PeeringService.Step s : plan.steps()) {
                console.out().println(s.line());
            }
            console.out().flush();
            console.note("dry run: " + plan.steps().size() + " call" + (plan.steps().size() == 1 ? "" : "s") + " planned, none made");
            return Result.EMPTY;
        }
        PeeringService.Plan after;
        try (Progress p = console.progress("peering " + plan.other().name() + " with " + plan.clusterVnet().name())) {
            after = peering.apply(plan, name);
        }
        for (PeeringService.Step s : plan.steps()) {
            console.note("made: " + s.line());
        }
        return state(after, plan.steps(), true);
    }

    private Result state(PeeringService.Plan p, List<PeeringService.Step> made, boolean changed) {
        Vnet.Peering out = PeeringService.peeringTo(p.clusterVnet(), p.other().id());
        Vnet.Peering back = PeeringService.peeringTo(p.other(), p.clusterVnet().id());
        PrivateZone.Link link = p.zone() == null ? null : p.zone().linkTo(p.other().id());
        record Row(String what, String name, String state) {
        }
        List<Row> rows = List.of(
                new Row(p.clusterVnet().name() + " → " + p.other().name(), out == null ? "(missing)" : out.name(),
                        out == null ? "" : out.state()),
                new Row(p.other().name() + " → " + p.clusterVnet().name(), back == null ? "(missing)" : back.name(),
                        back == null ? "" : back.state()),
                new Row("DNS link in " + (p.zone() == null ? "(no zone)" : p.zone().name()),
                        link == null ? (p.zone() == null ? "n/a" : "(missing)") : link.name(), link == null ? "" : link.state()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", p.cluster().name());
        data.put("clusterVnet", p.clusterVnet().id());
        data.put("vnet", p.other().id());
        data.put("changed", changed);
        data.put("made", made.stream().map(PeeringService.Step::line).toList());
        data.put("state", rows);
        return Result.Table.of(rows, List.of(Column.of("WHAT", Row::what), Column.styled("NAME", Row::name, r -> Style.BOLD),
                Column.styled("STATE", Row::state, r -> "Connected".equalsIgnoreCase(r.state())
                        || "Completed".equalsIgnoreCase(r.state()) ? Style.OK : Style.WARN)), "").withData(data);
    }
}
