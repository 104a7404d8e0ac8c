package dev.aksh.shell.commands;

import dev.aksh.error.AkshException;
import dev.aksh.render.Console;
import dev.aksh.render.Result;
import dev.aksh.render.Result.Column;
import dev.aksh.render.Style;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Durations;
import dev.aksh.shell.Invocation;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.completion.Suggestion;
import dev.aksh.text.Bytes;
import dev.aksh.tunnel.BastionTunnel;
import dev.aksh.tunnel.TunnelManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code tunnel list} and {@code tunnel close}: the tunnels open in this aksh. */
public final class TunnelCommands {
    private final TunnelManager tunnels;
    private final dev.aksh.session.SessionState session;
    private final Console console;

    public TunnelCommands(TunnelManager tunnels, dev.aksh.session.SessionState session, Console console) {
        this.tunnels = tunnels;
        this.session = session;
        this.console = console;
    }

    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.command("tunnel list").group(ConnectCommands.GROUP)
                        .summary("List the open tunnels: cluster, port, connections, bytes, drops, uptime")
                        .output()
                        .example("tunnel list", "* marks the current cluster's tunnel")
                        .handler(this::list).build(),
                CommandSpec.command("tunnel close").group(ConnectCommands.GROUP)
                        .summary("Close a tunnel (the current cluster's, an ID, or --all): its listener, Bastion sessions, kubeconfig")
                        .optionalArg("ID", "the tunnel's id from 'tunnel list'", r -> ids())
                        .option(OptionSpec.flag("all", "close every open tunnel"))
                        .example("tunnel close", "the current cluster's tunnel (or the only one open)")
                        .example("tunnel close 1", "one tunnel")
                        .example("tunnel close --all", "every tunnel (exiting aksh does this too)")
                        .handler(this::close).build());
    }

    private List<Suggestion> ids() {
        List<Suggestion> out = new ArrayList<>();
        for (TunnelManager.Open o : tunnels.list()) {
            out.add(Suggestion.of(String.valueOf(o.id()), o.cluster().name() + " on 127.0.0.1:" + o.port()));
        }
        return out;
    }

    /** A row of {@code tunnel list}. */
    record Row(int id, String cluster, int port, String bastion, int active, long connections, long bytesToCluster,
            long bytesFromCluster, long drops, long failures, String uptime, String lastProblem, String kubeconfig,
            boolean current) {
    }

    private Result list(Invocation inv) {
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>();
        dev.aksh.session.TunnelRef current = session.get().currentTunnel();
        for (TunnelManager.Open o : tunnels.list()) {
            BastionTunnel.Stats s = o.tunnel().stats();
            rows.add(new Row(o.id(), o.cluster().name(), o.port(), o.bastion().name(), s.active(), s.connections(),
                    s.bytesToCluster(), s.bytesFromCluster(), s.drops(), s.failures(),
                    Durations.format(Duration.between(o.opened(), now)), s.lastProblem(), o.kubeconfig().file().toString(),
                    current != null && current.id() == o.id()));
        }
        List<Column<Row>> cols = List.of(
                Column.marker("CURRENT", r -> r.current() ? "*" : ""),
                Column.of("ID", r -> String.valueOf(r.id())),
                Column.styled("CLUSTER", Row::cluster, r -> Style.BOLD),
                Column.of("PORT", r -> String.valueOf(r.port())),
                Column.of("BASTION", Row::bastion),
                Column.of("CONNECTIONS", r -> r.active() + " open, " + r.connections() + " total"),
                Column.of("SENT", r -> Bytes.human(r.bytesToCluster())),
                Column.of("RECEIVED", r -> Bytes.human(r.bytesFromCluster())),
                Column.styled("DROPS", r -> String.valueOf(r.drops()), r -> r.drops() > 0 ? Style.WARN : Style.PLAIN),
                Column.of("UPTIME", Row::uptime));
        for (Row r : rows) {
            if (r.lastProblem() != null) {
                console.note("tunnel " + r.id() + ": " + r.lastProblem());
            }
        }
        return Result.Table.of(rows, cols, "No tunnels are open ('connect bastion' opens one).");
    }

    private Result close(Invocation inv) {
        boolean all = inv.flag("all");
        String id = inv.args().isEmpty() ? null : inv.arg(0);
        if (all && id != null) {
            throw AkshException.usage("give either an ID or --all, not both",
                    "'tunnel close ID' (see 'tunnel list') or 'tunnel close --all'");
        }
        if (!all && id == null) {
            // no id: the current cluster's tunnel, or the only one open
            var current = session.get().currentTunnel();
            List<TunnelManager.Open> open = tunnels.list();
            if (current != null) {
                id = String.valueOf(current.id());
            } else if (open.size() == 1) {
                id = String.valueOf(open.get(0).id());
            } else if (open.isEmpty()) {
                throw AkshException.notFound("no tunnels are open", "'connect bastion' opens one");
            } else {
                throw AkshException.usage("which tunnel? " + open.size()
                        + " are open and none goes to the current cluster",
                        "'tunnel close ID' (see 'tunnel list') or 'tunnel close --all'");
            }
        }
        List<TunnelManager.Open> closed = new ArrayList<>();
        if (all) {
            closed.addAll(tunnels.closeAll());
        } else {
            int n;
            try {
                n = Integer.parseInt(id.trim());
            } catch (NumberFormatException e) {
                throw AkshException.usage("a tunnel id is a number, not '" + id + "'", "see 'tunnel list'");
            }
            TunnelManager.Open o = tunnels.close(n);
            if (o == null) {
                List<String> open = tunnels.list().stream().map(t -> String.valueOf(t.id())).toList();
                throw AkshException.notFound("no open tunnel " + n, open.isEmpty() ? "no tunnels are open"
                        : "open tunnels: " + String.join(", ", open));
            }
            closed.add(o);
        }
        StringBuilder text = new StringBuilder();
        List<Map<String, Object>> data = new ArrayList<>();
        for (TunnelManager.Open o : closed) {
            BastionTunnel.Stats s = o.tunnel().stats();
            text.append("closed tunnel ").append(o.id()).append(" to ").append(o.cluster().name()).append(" (127.0.0.1:")
                    .append(o.port()).append("): ").append(s.connections()).append(" connections, ")
                    .append(Bytes.human(s.bytesToCluster() + s.bytesFromCluster())).append("; its Bastion sessions ended and "
                            + "its kubeconfig was deleted\n");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("cluster", o.cluster().name());
            m.put("port", o.port());
            m.put("connections", s.connections());
            data.add(m);
        }
        if (closed.isEmpty()) {
            text.append("no tunnels were open\n");
        }
        return new Result.Text(text.toString(), data);
    }
}
