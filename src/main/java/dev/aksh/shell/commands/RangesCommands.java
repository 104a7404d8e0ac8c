package dev.aksh.shell.commands;

import com.azure.core.management.exception.ManagementException;
import dev.aksh.azure.Bastion;
import dev.aksh.azure.Cluster;
import dev.aksh.azure.ClusterService;
import dev.aksh.azure.NetworkService;
import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.ranges.ApiServerProbe;
import dev.aksh.ranges.AuthorizedRanges;
import dev.aksh.ranges.Cidr;
import dev.aksh.ranges.LockoutGuard;
import dev.aksh.ranges.MyIp;
import dev.aksh.ranges.RangesService;
import dev.aksh.render.Console;
import dev.aksh.render.OutputFormat;
import dev.aksh.render.Progress;
import dev.aksh.render.Result;
import dev.aksh.render.Result.Column;
import dev.aksh.render.Style;
import dev.aksh.session.SessionState;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Durations;
import dev.aksh.shell.Invocation;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.Safety;
import dev.aksh.shell.completion.ValueCompleter;
import dev.aksh.tunnel.ConnectService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ranges}: a public cluster's API server authorized IP ranges, changed by read-modify-write
 * under If-Match so no entry is lost, with a lockout guard, a diff before anything is written, and
 * {@code --dry-run}.
 */
public final class RangesCommands {
    static final String GROUP = "Authorized IP ranges";
    static final Duration WAIT_LIMIT = Duration.ofMinutes(2);

    private final RangesService ranges;
    private final ClusterService clusters;
    private final NetworkService network;
    private final ConnectService connect;
    private final MyIp myIp;
    private final ApiServerProbe probe;
    private final SessionState session;
    private final Console console;
    private final Completers completers;
    private final ValueCompleter currentRanges;
    private final ValueCompleter bastions;
    private final java.util.function.Supplier<String> production;

    /**
     * @param currentRanges completes the current cluster's entries (for remove)
     * @param bastions completes the Bastions near the current cluster
     */
    public RangesCommands(RangesService ranges, ClusterService clusters, NetworkService network, ConnectService connect,
            MyIp myIp, ApiServerProbe probe, SessionState session, Console console, Completers completers,
            java.util.function.Supplier<String> production, ValueCompleter currentRanges, ValueCompleter bastions) {
        this.production = production;
        this.ranges = ranges;
        this.clusters = clusters;
        this.network = network;
        this.connect = connect;
        this.myIp = myIp;
        this.probe = probe;
        this.session = session;
        this.console = console;
        this.completers = completers;
        this.currentRanges = currentRanges;
        this.bastions = bastions;
    }

    public List<CommandSpec> commands() {
        OptionSpec cluster = OptionSpec.value("cluster", "NAME", "this cluster instead of the current one", completers.clusters());
        OptionSpec dryRun = OptionSpec.flag("dry-run", "show the change (+/-) and write nothing");
        OptionSpec force = OptionSpec.flag("force", "write even if it locks out this machine or the cluster's outbound IPs");
        OptionSpec wait = OptionSpec.flag("wait", "after writing, wait until the API server answers from here (up to 2m)");
        OptionSpec me = OptionSpec.value("my-ip", "IP", "this machine's public IP, instead of looking it up", ValueCompleter.NONE);
        return List.of(
                CommandSpec.command("ranges show").group(GROUP)
                        .summary("Show the cluster's authorized IP ranges, and whether this machine's public IP is in them")
                        .option(cluster).option(me).output()
                        .example("ranges show", "the current cluster's ranges; * marks the one that covers you")
                        .handler(this::show).build(),
                change(CommandSpec.command("ranges add").summary("Add ranges (CIDR or bare IP), keeping every entry that is there")
                        .variadicArg("CIDR", "IPv4 ranges or addresses (203.0.113.7 is 203.0.113.7/32)", true, ValueCompleter.NONE)
                        .example("ranges add 73.140.245.0/24 198.51.100.7", "two entries; the rest stay")
                        .example("ranges add 137.117.106.88/29 --dry-run", "show the change only"), cluster, dryRun, force, wait, me)
                        .safety(Safety.WRITE).handler(this::add).build(),
                change(CommandSpec.command("ranges remove").summary("Remove entries (refused if that locks you out, unless --force)")
                        .variadicArg("CIDR", "entries to remove, as 'ranges show' lists them", true, currentRanges)
                        .example("ranges remove 73.140.245.0/24", "one entry"), cluster, dryRun, force, wait, me)
                        .safety(Safety.DANGEROUS).handler(this::remove).build(),
                change(CommandSpec.command("ranges set").summary("Replace the whole list (asks first)")
                        .variadicArg("CIDR", "the new list", true, ValueCompleter.NONE)
                        .example("ranges set 73.140.245.0/24 84.17.53.201/32", "exactly these two")
                        .example("ranges set 0.0.0.0/32", "only the cluster's own outbound IP may reach the API server"),
                        cluster, dryRun, force, wait, me)
                        .safety(Safety.DANGEROUS).handler(this::set).build(),
                change(CommandSpec.command("ranges clear").summary("Turn authorized IP ranges off: the API server answers any address (asks first)")
                        .example("ranges clear", "every address may reach the API server again"), cluster, dryRun, force, wait, me)
                        .safety(Safety.DANGEROUS).handler(this::clear).build(),
                change(CommandSpec.command("ranges add-my-ip").summary("Add this machine's public IP (found through DNS or HTTPS echo services)")
                        .option(OptionSpec.value("prefix", "N", "add the /N range around it instead of the /32 (8-32)",
                                ValueCompleter.of(List.of("32", "28", "24"))))
                        .example("ranges add-my-ip", "seed 004: your IP, as myip.opendns.com at resolver1.opendns.com says")
                        .example("ranges add-my-ip --prefix 28 --wait", "your /28, then wait until the API server answers you"),
                        cluster, dryRun, force, wait, me)
                        .safety(Safety.WRITE).handler(this::addMyIp).build(),
                change(CommandSpec.command("ranges add-bastion-ip").summary("Add a Bastion's public IP, so it can tunnel to this public cluster")
                        .optionalArg("BASTION", "a Bastion's name or resource id (default: the one near the cluster)", bastions)
                        .example("ranges add-bastion-ip", "seed 001: the Bastion's public IP, then 'connect bastion' works"),
                        cluster, dryRun, force, wait, me)
                        .safety(Safety.WRITE).handler(this::addBastionIp).build(),
                CommandSpec.command("ranges check").group(GROUP)
                        .summary("Say whether an address reaches the API server, and through which entry (exit 1 if not)")
                        .arg("IP", "an IPv4 address", ValueCompleter.NONE)
                        .option(cluster).output()
                        .example("ranges check 84.17.53.201", "covered or not, and by which range")
                        .handler(this::check).build());
    }

    private static CommandSpec.Builder change(CommandSpec.Builder b, OptionSpec... options) {
        b.group(GROUP).output().asksFirst(); // in a production context, after the diff (see change())
        for (OptionSpec o : options) {
            b.option(o);
        }
        return b;
    }

    // ------------------------------------------------------------------ read

    private Result show(Invocation inv) {
        Cluster c = target(inv);
        if (c.privateCluster()) {
            console.note(c.name() + " is a private cluster: authorized IP ranges do not apply (its API server has no public "
                    + "endpoint)");
            return new Result.Text("", Map.of("cluster", c.name(), "private", true, "ranges", List.of()));
        }
        RangesService.Current cur = ranges.read(c.ref());
        LockoutGuard.Me me = me(inv);
        record Row(String range, long addresses, String covers, boolean mine) {
        }
        List<Row> rows = new ArrayList<>();
        for (String r : cur.ranges()) {
            List<String> covers = new ArrayList<>();
            Cidr cidr = tryParse(r);
            boolean mine = false;
            if (cidr != null && me.ip() != null && cidr.contains(Cidr.ipv4(me.ip(), me.ip())) && !r.equals(AuthorizedRanges.OUTBOUND_ONLY)) {
                covers.add("you (" + me.ip() + ")");
                mine = true;
            }
            for (String o : cur.outboundIps()) {
                if (cidr != null && cidr.contains(Cidr.ipv4(o, o)) && !r.equals(AuthorizedRanges.OUTBOUND_ONLY)) {
                    covers.add("outbound IP " + o);
                }
            }
            if (r.equals(AuthorizedRanges.OUTBOUND_ONLY)) {
                covers.add("only the cluster's outbound IPs");
            }
            rows.add(new Row(r, cidr == null ? 0 : cidr.size(), String.join(", ", covers), mine));
        }
        boolean admitted = me.ip() != null && AuthorizedRanges.admits(cur.ranges(), me.ip(), cur.outboundIps());
        if (cur.ranges().isEmpty()) {
            console.note(c.name() + " has no authorized IP ranges: its API server answers any address ('ranges add CIDR' "
                    + "restricts it)");
        } else if (me.ip() == null) {
            console.note("this machine's public IP is unknown (" + me.why() + "); give it with --my-ip to see whether you are in");
        } else if (admitted) {
            console.note("you (" + me.ip() + ") reach " + c.name() + "'s API server");
        } else {
            console.warn("you (" + me.ip() + ") are not in " + c.name() + "'s ranges: 'ranges add-my-ip' adds you");
        }
        if (!cur.ranges().isEmpty()) {
            for (String o : cur.outboundIps()) {
                if (!AuthorizedRanges.admits(cur.ranges(), o, cur.outboundIps())) {
                    console.warn(c.name() + "'s own outbound IP " + o + " is not in its ranges: pods calling the API server "
                            + "by its public address are refused (seed 004 recommends the cluster's egress IP)");
                }
            }
        }
        cur.notes().forEach(console::note);
        Boolean answers = null;
        if (c.fqdn() != null) {
            answers = probe.answers(c.fqdn(), Duration.ofSeconds(3));
            if (answers && me.ip() != null && !admitted) {
                console.note(c.name() + "'s API server still answers from here, though its ranges no longer admit you: "
                        + "AKS has not applied the change yet (it takes up to 2 minutes)");
            } else if (answers) {
                console.note(c.name() + "'s API server answers from here");
            } else {
                console.warn(c.name() + "'s API server does not answer from here"
                        + (admitted || cur.ranges().isEmpty() ? " (the ranges admit you: a change may still be on its way, "
                                + "or the network blocks it)" : ""));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cluster", c.name());
        data.put("enabled", !cur.ranges().isEmpty());
        data.put("ranges", cur.ranges());
        data.put("myIp", me.ip());
        data.put("myIpCovered", me.ip() == null ? null : admitted);
        data.put("outboundIps", cur.outboundIps().stream().map(o -> Map.of("ip", o,
                "covered", AuthorizedRanges.admits(cur.ranges(), o, cur.outboundIps()))).toList());
        data.put("answersFromHere", answers);
        // json/yaml get the whole picture; table and tsv one row per range (tsv: RANGE, ADDRESSES, COVERS)
        return Result.Table.of(rows, List.of(
                Column.marker("YOU", r -> r.mine() ? "*" : ""),
                Column.styled("RANGE", Row::range, r -> r.mine() ? Style.BOLD : Style.PLAIN),
                Column.of("ADDRESSES", r -> String.valueOf(r.addresses())),
                Column.of("COVERS", Row::covers)), "").withData(data);
    }

    private Result check(Invocation inv) {
        Cluster c = target(inv);
        String ip = inv.arg(0).trim();
        Cidr one;
        try {
            one = Cidr.parse(ip);
        } catch (Cidr.Invalid e) {
            throw AkshException.usage(e.getMessage(), "give one IPv4 address, such as 203.0.113.7");
        }
        if (one.prefix() != 32) {
            throw AkshException.usage("'" + ip + "' is a range; ranges check takes one address", "give one IPv4 address");
        }
        String addr = Cidr.format(one.address());
        String text;
        boolean admitted;
        if (c.privateCluster()) {
            admitted = false;
            text = c.name() + " is private: no address on the internet reaches its API server";
        } else {
            RangesService.Current cur = ranges.read(c.ref());
            admitted = AuthorizedRanges.admits(cur.ranges(), addr, cur.outboundIps());
            if (cur.ranges().isEmpty()) {
                text = c.name() + " has no authorized ranges: " + addr + " (like every address) reaches its API server";
            } else if (admitted) {
                String by = cur.ranges().stream().filter(r -> {
                    Cidr x = tryParse(r);
                    return x != null && !r.equals(AuthorizedRanges.OUTBOUND_ONLY) && x.contains(one.address());
                }).findFirst().orElse(AuthorizedRanges.OUTBOUND_ONLY + " (it is the cluster's outbound IP)");
                text = addr + " reaches " + c.name() + "'s API server: it is in " + by;
            } else {
                text = addr + " does not reach " + c.name() + "'s API server: none of its " + cur.ranges().size()
                        + " ranges covers it ('ranges add " + addr + "' would)";
            }
        }
        inv.status(admitted ? 0 : 1);
        return new Result.Text(text + "\n", Map.of("cluster", c.name(), "ip", addr, "admitted", admitted));
    }

    // ------------------------------------------------------------------ changes

    private Result add(Invocation inv) {
        return change(inv, AuthorizedRanges.Operation.add(AuthorizedRanges.parseToWrite(inv.args())), false);
    }

    private Result remove(Invocation inv) {
        return change(inv, AuthorizedRanges.Operation.remove(AuthorizedRanges.parseToRemove(inv.args())), false);
    }

    private Result set(Invocation inv) {
        return change(inv, AuthorizedRanges.Operation.set(AuthorizedRanges.parseToWrite(inv.args())), true);
    }

    private Result clear(Invocation inv) {
        return change(inv, AuthorizedRanges.Operation.clear(), true);
    }

    private Result addMyIp(Invocation inv) {
        int prefix = inv.intOption("prefix", 32, 8, 32);
        LockoutGuard.Me me = me(inv);
        if (me.ip() == null) {
            throw AkshException.network("cannot find this machine's public IP: " + me.why(),
                    "give it with --my-ip IP, or use 'ranges add IP'");
        }
        Cidr range = new Cidr(Cidr.ipv4(me.ip(), me.ip()), prefix).network();
        console.note("this machine's public IP is " + me.ip() + (me.via() == null ? "" : " (" + me.via() + ")"));
        return change(inv, AuthorizedRanges.Operation.add(AuthorizedRanges.parseToWrite(List.of(range.toString()))), false);
    }

    private Result addBastionIp(Invocation inv) {
        Cluster c = target(inv);
        Bastion b = connect.findBastion(c, inv.args().isEmpty() ? null : inv.arg(0), console);
        if (b.publicIpId() == null) {
            throw AkshException.refused("Bastion " + b.name() + " has no public IP (a private-only Bastion)",
                    "it reaches public clusters through its VNet's outbound address; add that with 'ranges add'");
        }
        String ip;
        try {
            ip = network.publicIpAddress(b.publicIpId());
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 403) {
                throw AkshException.auth("no Reader role on " + b.name() + "'s public IP address", "ask for Reader on it, "
                        + "or add the address with 'ranges add IP'");
            }
            throw e;
        }
        if (ip == null) {
            throw AkshException.remote("Bastion " + b.name() + "'s public IP resource has no address yet", "retry shortly");
        }
        console.note("Bastion " + b.name() + "'s public IP is " + ip);
        return change(inv, AuthorizedRanges.Operation.add(AuthorizedRanges.parseToWrite(List.of(ip + "/32"))), false);
    }

    /** Plans, shows the diff, guards, confirms if asked, writes under If-Match, and waits if asked. */
    private Result change(Invocation inv, AuthorizedRanges.Operation op, boolean confirm) {
        Cluster c = target(inv);
        RangesService.checkCluster(c);
        boolean force = inv.flag("force");
        boolean dryRun = inv.flag("dry-run");
        LockoutGuard.Me me = me(inv);
        RangesService.Current cur = ranges.read(c.ref());
        AuthorizedRanges.Plan preview = AuthorizedRanges.plan(op, cur.ranges());
        AuthorizedRanges.checkLimit(preview, c.apiServerVnetIntegration(), c.name());
        preview.notes().forEach(n -> console.note("skipped: " + n));
        boolean table = inv.output() == OutputFormat.TABLE;
        if (!preview.changes()) {
            console.note("nothing to change: " + c.name() + "'s ranges stay as they are");
            return new Result.Text("", data(c, preview, false, dryRun, 0));
        }
        if (table) {
            console.out().print(diff(c, preview));
            console.out().flush();
        }
        LockoutGuard.check(preview, cur, me, force);
        if (dryRun) {
            console.note("dry run: nothing was written");
            return new Result.Text("", data(c, preview, false, true, 0));
        }
        String prod = production.get();
        if (!confirm && prod != null && !console.confirm(c.name() + " is in a production context (matches '" + prod
                + "'). Write this change?")) {
            throw AkshException.refused("not changed: " + c.name() + "'s ranges stay as they are (a production context, "
                    + "not confirmed)", console.interactive() ? "answer yes to go ahead" : "rerun with --yes to go ahead");
        }
        if (confirm && !console.confirm(question(c, op, preview) + (prod == null ? "" : " (a production context)"))) {
            throw AkshException.refused("not changed: " + c.name() + "'s ranges stay as they are",
                    console.interactive() ? "answer yes to go ahead" : "rerun with --yes to go ahead");
        }
        RangesService.Applied applied;
        try (Progress p = console.progress("ranges on " + c.name())) {
            applied = ranges.apply(c.ref(), op, (plan, fresh) -> LockoutGuard.check(plan, fresh, me, force), p);
        }
        if (applied.attempts() > 1) {
            console.note("someone else changed " + c.name() + " meanwhile; the change was made again on their version ("
                    + applied.attempts() + " attempts), so their entries stay");
        }
        if (!applied.plan().equals(preview) && table && applied.written()) {
            console.out().print("as written:\n" + diff(c, applied.plan()));
        }
        if (!applied.written()) {
            console.note("nothing to change any more: someone else made the same change meanwhile");
            return new Result.Text("", data(c, applied.plan(), false, false, applied.attempts()));
        }
        console.note("written; AKS takes up to 2 minutes to apply new rules to the API server"
                + (inv.flag("wait") ? "" : " ('--wait' waits for it)"));
        if (inv.flag("wait")) {
            // after a forced lockout, waiting for an answer would only see the old rules
            waitForFirewall(c, me, me.ip() != null && !AuthorizedRanges.admits(applied.plan().after(), me.ip(), List.of()));
        }
        return table ? Result.Text.of(c.name() + " has " + applied.plan().after().size() + " authorized range"
                + (applied.plan().after().size() == 1 ? "" : "s") + (applied.plan().after().isEmpty() ? " (ranges off)" : "")
                + "\n") : new Result.Text("", data(c, applied.plan(), true, false, applied.attempts()));
    }

    /**
     * Probes until the firewall has caught up: until the API server answers from here, or — after a
     * forced change that leaves this machine out — until it stops answering.
     */
    private void waitForFirewall(Cluster c, LockoutGuard.Me me, boolean lockedOut) {
        if (c.fqdn() == null) {
            console.warn(c.name() + " has no public FQDN to probe");
            return;
        }
        Duration took;
        try (Progress p = console.progress("waiting for " + c.name() + "'s firewall")) {
            took = lockedOut ? probe.waitUntilRefused(c.fqdn(), WAIT_LIMIT, p) : probe.waitUntilAnswers(c.fqdn(), WAIT_LIMIT, p);
        }
        if (took == null) {
            if (Thread.currentThread().isInterrupted()) {
                throw new AkshException(ExitCode.INTERRUPTED, "stopped waiting for " + c.name() + "'s API server", null);
            }
            throw lockedOut ? AkshException.network(c.name() + "'s API server still answers from here after "
                    + Durations.format(WAIT_LIMIT) + ", though the new ranges leave out " + me.ip(),
                    "check 'ranges show' and 'connect check'")
                    : AkshException.network(c.name() + "'s API server does not answer from here after "
                    + Durations.format(WAIT_LIMIT) + (me.ip() == null ? "" : " (your IP: " + me.ip() + ")"),
                    "check 'ranges show': the ranges may not cover this machine");
        }
        console.note(lockedOut ? c.name() + "'s API server no longer answers from here (after " + Durations.format(took)
                + "): this machine (" + me.ip() + ") is locked out; 'ranges add-my-ip' lets it back in"
                : c.name() + "'s API server answers from here (after " + Durations.format(took) + ")");
    }

    private static String question(Cluster c, AuthorizedRanges.Operation op, AuthorizedRanges.Plan plan) {
        if (op.kind() == AuthorizedRanges.Kind.CLEAR) {
            return "Turn " + c.name() + "'s authorized IP ranges off? Its API server will answer any address on the internet.";
        }
        return "Replace " + c.name() + "'s " + plan.before().size() + " range" + (plan.before().size() == 1 ? "" : "s")
                + " with these " + plan.after().size() + "?";
    }

    private static String diff(Cluster c, AuthorizedRanges.Plan plan) {
        StringBuilder sb = new StringBuilder(c.name() + ": authorized IP ranges\n");
        for (String r : plan.removed()) {
            sb.append("- ").append(r).append('\n');
        }
        for (String r : plan.added()) {
            sb.append("+ ").append(r).append('\n');
        }
        List<String> kept = plan.after().stream().filter(r -> !plan.added().contains(r)).toList();
        if (!kept.isEmpty()) {
            sb.append("  (").append(kept.size()).append(" unchanged: ").append(String.join(", ", kept)).append(")\n");
        }
        if (plan.after().isEmpty()) {
            sb.append("  (none left: the API server answers any address)\n");
        }
        return sb.toString();
    }

    private static Map<String, Object> data(Cluster c, AuthorizedRanges.Plan plan, boolean written, boolean dryRun,
            int attempts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", c.name());
        m.put("before", plan.before());
        m.put("after", plan.after());
        m.put("added", plan.added());
        m.put("removed", plan.removed());
        m.put("skipped", plan.notes());
        m.put("written", written);
        m.put("dryRun", dryRun);
        m.put("attempts", attempts);
        return m;
    }

    // ------------------------------------------------------------------ helpers

    private LockoutGuard.Me me(Invocation inv) {
        String given = inv.option("my-ip");
        if (given != null) {
            Cidr c;
            try {
                c = Cidr.parse(given);
            } catch (Cidr.Invalid e) {
                throw AkshException.usage("--my-ip " + e.getMessage(), "give one public IPv4 address");
            }
            if (c.prefix() != 32 || c.reserved() != null) {
                throw AkshException.usage("--my-ip takes one public IPv4 address, not '" + given + "'",
                        "give the address your traffic leaves from");
            }
            return LockoutGuard.Me.known(Cidr.format(c.address()), "--my-ip");
        }
        try {
            MyIp.Found f = myIp.find();
            return LockoutGuard.Me.known(f.ip(), f.via());
        } catch (MyIp.NotFound e) {
            return LockoutGuard.Me.unknown(e.getMessage());
        }
    }

    private Cluster target(Invocation inv) {
        return Targets.cluster(inv, session, clusters);
    }

    private static Cidr tryParse(String s) {
        try {
            return Cidr.parse(s);
        } catch (Cidr.Invalid e) {
            return null;
        }
    }
}
