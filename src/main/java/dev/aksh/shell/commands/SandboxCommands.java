package dev.aksh.shell.commands;

import dev.aksh.error.AkshException;
import dev.aksh.render.Result;
import dev.aksh.render.Result.Details.Field;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.Faults;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Invocation;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.completion.ValueCompleter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code sandbox status} and {@code sandbox fault …}: only in a sandbox session, for practice and tests. */
public final class SandboxCommands {
    static final String GROUP = "Sandbox";
    private final Supplier<FakeAzure> sandbox;

    public SandboxCommands(Supplier<FakeAzure> sandbox) {
        this.sandbox = sandbox;
    }

    public List<CommandSpec> commands() {
        OptionSpec match = OptionSpec.value("match", "TEXT", "only ARM requests whose path contains TEXT (e.g. runCommand)",
                ValueCompleter.of(List.of("runCommand", "commandResults", "managedClusters", "fleets")));
        OptionSpec count = OptionSpec.value("count", "N", "how many requests (default 3)", ValueCompleter.of(List.of("1", "3", "10")));
        return List.of(
                CommandSpec.command("sandbox status").group(GROUP)
                        .summary("What this sandbox is: its world, endpoints, live Bastion sessions and active faults")
                        .output().example("sandbox status", "which faults are on").handler(this::status).build(),
                CommandSpec.command("sandbox fault throttle").group(GROUP)
                        .summary("The next N ARM requests answer 429 with Retry-After (aksh waits and retries)")
                        .option(count).option(OptionSpec.value("retry-after", "SECONDS", "the Retry-After (default 2)",
                                ValueCompleter.of(List.of("1", "2", "5"))))
                        .option(match)
                        .example("sandbox fault throttle --count 5 --match runCommand", "then 'fleet invoke' meets throttling")
                        .handler(inv -> fault(inv, f -> f.throttle(count(inv), inv.intOption("retry-after", 2, 0, 120),
                                inv.option("match")))).build(),
                CommandSpec.command("sandbox fault errors").group(GROUP)
                        .summary("The next N ARM requests fail with a transient 5xx (retried by the pipeline)")
                        .option(count).option(OptionSpec.value("status", "CODE", "500, 502, 503 or 504 (default 503)",
                                ValueCompleter.of(List.of("500", "502", "503", "504"))))
                        .option(match)
                        .example("sandbox fault errors --count 2", "two 503s, then success")
                        .handler(inv -> fault(inv, f -> f.errors(count(inv), errorStatus(inv), inv.option("match")))).build(),
                CommandSpec.command("sandbox fault slow").group(GROUP)
                        .summary("Every ARM request waits this long first (0 turns it off)")
                        .arg("MS", "milliseconds", ValueCompleter.of(List.of("200", "1000", "0")))
                        .option(match)
                        .example("sandbox fault slow 1000", "a slow ARM: watch the spinners")
                        .handler(inv -> fault(inv, f -> f.slow(ms(inv), inv.option("match")))).build(),
                CommandSpec.command("sandbox fault drop-tunnels").group(GROUP)
                        .summary("Bastion tunnels opened from now on drop after N bytes (-1: never)")
                        .arg("BYTES", "bytes from the cluster before the drop", ValueCompleter.of(List.of("65536", "-1")))
                        .example("sandbox fault drop-tunnels 65536", "then 'connect bastion' and a large 'kubectl get'")
                        .handler(inv -> fault(inv, f -> f.dropTunnelsAfter(bytes(inv)))).build(),
                CommandSpec.command("sandbox fault slow-commands").group(GROUP)
                        .summary("Run-command pods take this much longer (0: as the world says)")
                        .arg("MS", "milliseconds", ValueCompleter.of(List.of("5000", "0")))
                        .example("sandbox fault slow-commands 5000", "watch 'invoke' poll, and Ctrl-C give the id")
                        .handler(inv -> fault(inv, f -> f.slowCommands(ms(inv)))).build(),
                CommandSpec.command("sandbox fault unschedulable").group(GROUP)
                        .summary("Run-command pods cannot be scheduled on a cluster ('*' for all, 'off' to stop)")
                        .arg("CLUSTER", "a cluster name, '*' or 'off'", ValueCompleter.of(List.of("*", "off")))
                        .example("sandbox fault unschedulable aks-payments", "invoke fails with AKS's scheduling reason")
                        .handler(inv -> fault(inv, f -> f.unschedulable("off".equals(inv.arg(0)) ? null : inv.arg(0)))).build(),
                CommandSpec.command("sandbox fault clear").group(GROUP)
                        .summary("Turn every fault off")
                        .example("sandbox fault clear", "back to a healthy sandbox")
                        .handler(inv -> fault(inv, Faults::clear)).build());
    }

    private Result fault(Invocation inv, java.util.function.Consumer<Faults> change) {
        Faults f = sandbox.get().faults();
        change.accept(f);
        List<String> active = f.describe();
        return new Result.Text(active.isEmpty() ? "No faults are active.\n" : String.join("\n", active) + "\n",
                Map.of("faults", active));
    }

    private Result status(Invocation inv) {
        FakeAzure f = sandbox.get();
        List<String> active = f.faults().describe();
        List<Field> out = new ArrayList<>();
        out.add(Field.of("World", f.state().world().name()));
        out.add(Field.of("ARM", f.armUrl() + " (a fake on 127.0.0.1; nothing here touches real Azure)"));
        out.add(Field.of("ARM requests served", String.valueOf(f.arm().requestCount())));
        out.add(Field.of("Live Bastion sessions", String.valueOf(f.bastions().liveSessions())));
        out.add(Field.of("Faults", active.isEmpty() ? "none" : String.join("; ", active)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("world", f.state().world().name());
        data.put("arm", f.armUrl());
        data.put("requests", f.arm().requestCount());
        data.put("liveBastionSessions", f.bastions().liveSessions());
        data.put("faults", active);
        return new Result.Details(out, data);
    }

    private static int count(Invocation inv) {
        return inv.intOption("count", 3, 1, 10_000);
    }

    private static int errorStatus(Invocation inv) {
        int s = inv.intOption("status", 503, 500, 504);
        if (s == 501) {
            throw AkshException.usage("501 is not transient", "use 500, 502, 503 or 504");
        }
        return s;
    }

    private static int ms(Invocation inv) {
        try {
            int v = Integer.parseInt(inv.arg(0));
            if (v < 0 || v > 60_000) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw AkshException.usage("'" + inv.arg(0) + "' is not a delay in milliseconds (0-60000)", "sandbox fault slow 500");
        }
    }

    private static long bytes(Invocation inv) {
        try {
            long v = Long.parseLong(inv.arg(0));
            if (v < -1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw AkshException.usage("'" + inv.arg(0) + "' is not a byte count (-1 for never)", "sandbox fault drop-tunnels 65536");
        }
    }
}
