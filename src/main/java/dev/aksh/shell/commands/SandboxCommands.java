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
import dev.aksh.lessons.Lesson;
import dev.aksh.lessons.Tutor;
import dev.aksh.render.Result.Column;
import dev.aksh.session.SessionContext;
import dev.aksh.shell.Durations;
import dev.aksh.text.Wrap;
import java.nio.file.Path;

/**
 * {@code sandbox status|reset|load|save}, {@code sandbox fault …} and {@code sandbox lesson(s)}: only
 * in a sandbox session, for training, practice and tests.
 */
public final class SandboxCommands {
    static final String GROUP = "Sandbox";
    private final Supplier<FakeAzure> sandbox;
    private final Worlds worlds;
    private final Tutor tutor;

    /** Changing the sandbox's world, with what the session must do around it. */
    public interface Worlds {
        /** What a change of world did to the session. */
        record Change(String world, int tunnelsClosed, boolean contextMoved, SessionContext context) {
        }

        Change reset();

        Change load(Path file);

        void save(Path file);
    }

    private final Path serveRoot;

    /** @param serveRoot where 'sandbox serve' keeps the CA file and the Azure CLI's files (a private directory) */
    public SandboxCommands(Supplier<FakeAzure> sandbox, Worlds worlds, Tutor tutor, Path serveRoot) {
        this.serveRoot = serveRoot;
        this.sandbox = sandbox;
        this.worlds = worlds;
        this.tutor = tutor;
    }

    public List<CommandSpec> commands() {
        List<CommandSpec> out = new ArrayList<>(faults());
        ValueCompleter lessonNumbers = ValueCompleter.of(tutor.lessons().stream().map(l -> String.valueOf(l.number())).toList());
        out.add(CommandSpec.command("sandbox reset").group(GROUP)
                .summary("Put the sandbox back as its world file describes it (faults off, tunnels closed)")
                .example("sandbox reset", "start again from a clean world").handler(inv -> changed(worlds.reset(), "Reset")).build());
        out.add(CommandSpec.command("sandbox load").group(GROUP)
                .summary("Replace the sandbox with a world file, or with a state 'sandbox save' wrote")
                .arg("FILE", "a world YAML file or a saved state", ValueCompleter.files(Path.of(System.getProperty("user.dir")), Path.of(System.getProperty("user.home"))))
                .example("sandbox load lab.json", "carry on from a saved state")
                .example("sandbox load my-world.yaml", "another world (format: src/main/resources/sandbox/world.yaml)")
                .handler(inv -> changed(worlds.load(Path.of(inv.arg(0))), "Loaded " + inv.arg(0) + ":")).build());
        out.add(CommandSpec.command("sandbox save").group(GROUP)
                .summary("Save the sandbox's current state (ARM resources, Kubernetes objects) to a file")
                .arg("FILE", "where to write it (replaced if it exists)", ValueCompleter.files(Path.of(System.getProperty("user.dir")), Path.of(System.getProperty("user.home"))))
                .example("sandbox save lab.json", "'sandbox load lab.json' brings it back, in this session or a later one")
                .handler(this::save).build());
        out.add(CommandSpec.command("sandbox serve").group(GROUP)
                .summary("Let the Azure CLI and kubectl use this sandbox too: endpoints, CA file, sign-in, commands")
                .option(OptionSpec.value("env", "FILE", "also write the commands as a file to source (0600, deleted at exit)",
                        ValueCompleter.files(Path.of(System.getProperty("user.dir")), Path.of(System.getProperty("user.home")))))
                .example("sandbox serve --env sandbox.env", "then, in another shell: . sandbox.env; az aks list -o table")
                .handler(this::serve).build());
        out.add(CommandSpec.command("sandbox lessons").group(GROUP)
                .summary("The guided lessons: each practises a route into a private cluster, with goals checked as you go")
                .output().example("sandbox lessons", "then 'sandbox lesson 1'").handler(this::lessons).build());
        out.add(CommandSpec.command("sandbox lesson").group(GROUP)
                .summary("Start a lesson: resets the sandbox, prints the brief and the goals")
                .arg("N", "the lesson's number", lessonNumbers)
                .example("sandbox lesson 1", "deploy nginx to a private cluster with command invoke")
                .handler(this::startLesson).build());
        out.add(CommandSpec.command("sandbox lesson status").group(GROUP)
                .summary("The running lesson's goals: which are met, and what the next one still needs")
                .output().example("sandbox lesson status", "where am I?").handler(this::lessonStatus).build());
        out.add(CommandSpec.command("sandbox lesson hint").group(GROUP)
                .summary("A hint for the next goal (ask again for a more direct one)")
                .example("sandbox lesson hint", "stuck?").handler(inv -> new Result.Text(tutor.hint() + "\n", null)).build());
        out.add(CommandSpec.command("sandbox lesson answer").group(GROUP)
                .summary("Answer a goal that asks a question")
                .variadicArg("ANSWER", "the answer, in words", true, ValueCompleter.of(List.of()))
                .example("sandbox lesson answer web ImagePullBackOff", "a member and a reason code")
                .handler(this::answer).build());
        out.add(CommandSpec.command("sandbox lesson stop").group(GROUP)
                .summary("Leave the running lesson (the sandbox keeps its state)")
                .example("sandbox lesson stop", "").handler(inv -> {
                    Lesson l = tutor.stop();
                    return new Result.Text("Left lesson " + l.number() + ". 'sandbox lesson " + l.number()
                            + "' starts it again from the beginning.\n", null);
                }).build());
        return out;
    }

    /** What goals the last command met, and the summary when the lesson is done: for after every command. */
    public List<String> progress() {
        List<String> out = new ArrayList<>();
        boolean wasActive = tutor.active();
        int total = tutor.goalCount();
        for (Tutor.GoalState g : tutor.check()) {
            out.add("✓ Goal " + g.number() + " of " + total + " met: " + g.text());
        }
        if (wasActive && !tutor.active()) {
            Tutor.Status st = tutor.status();
            out.add("Lesson " + st.lesson().number() + " complete: every goal met in " + Durations.format(st.took()) + ".");
            out.add("");
            out.addAll(Wrap.lines(st.lesson().summary(), WIDTH));
            int next = st.lesson().number() + 1;
            out.add("");
            out.add(tutor.lessons().stream().anyMatch(l -> l.number() == next) ? "Next: sandbox lesson " + next
                    : "That was the last lesson: 'sandbox lessons' lists them all.");
        }
        return out;
    }

    static final int WIDTH = 88;

    private Result changed(Worlds.Change c, String verb) {
        StringBuilder sb = new StringBuilder(verb + " the sandbox: world " + c.world() + ", faults off");
        if (c.tunnelsClosed() > 0) {
            sb.append(", ").append(c.tunnelsClosed()).append(c.tunnelsClosed() == 1 ? " tunnel" : " tunnels").append(" closed");
        }
        sb.append(".\n");
        if (c.contextMoved()) {
            SessionContext ctx = c.context();
            sb.append("The context moved to what this world has: subscription ")
                    .append(ctx.subscription() == null ? "none" : ctx.subscription().name())
                    .append(ctx.cluster() == null ? ", no cluster" : ", cluster " + ctx.cluster().name()).append(".\n");
        }
        if (tutor.active()) {
            sb.append("The running lesson goes on; 'sandbox lesson status' shows where it stands.\n");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("world", c.world());
        data.put("tunnelsClosed", c.tunnelsClosed());
        return new Result.Text(sb.toString(), data);
    }

    private Result serve(Invocation inv) {
        dev.aksh.sandbox.Serving serving = sandbox.get().serving(serveRoot);
        String env = inv.option("env");
        if (env != null) {
            serving.writeEnv(Path.of(env));
        }
        List<String> lines = new ArrayList<>(serving.describe());
        if (env != null) {
            lines.add("Or: . " + env);
        }
        lines.add("It serves while this session lives; what you change with az, aksh sees at once, and back.");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("arm", serving.armUrl());
        data.put("tokenEndpoint", serving.tokenUrl());
        data.put("caFile", serving.caFile().toString());
        data.put("commands", serving.commands());
        return new Result.Text(String.join("\n", lines) + "\n", data);
    }

    private Result save(Invocation inv) {
        Path file = Path.of(inv.arg(0));
        worlds.save(file);
        return new Result.Text("Saved the sandbox's state to " + file + ". 'sandbox load " + file + "' brings it back.\n",
                Map.of("file", file.toString()));
    }

    private Result lessons(Invocation inv) {
        Lesson running = tutor.active() ? tutor.status().lesson() : null;
        return Result.Table.of(tutor.lessons(), List.of(
                Column.marker("CURRENT", l -> running != null && running.number() == l.number() ? "*" : ""),
                Column.of("N", l -> String.valueOf(l.number())),
                Column.of("LESSON", Lesson::title),
                Column.of("SEED", Lesson::seed),
                Column.of("GOALS", l -> String.valueOf(l.goals().size()))), "no lessons");
    }

    private Result startLesson(Invocation inv) {
        int n;
        try {
            n = Integer.parseInt(inv.arg(0));
        } catch (NumberFormatException e) {
            throw AkshException.usage("'" + inv.arg(0) + "' is not a lesson number", "'sandbox lessons' lists them; "
                    + "then e.g. 'sandbox lesson 1'");
        }
        tutor.lesson(n); // an unknown number changes nothing
        Tutor.Status st = tutor.start(n);
        Lesson l = st.lesson();
        List<String> lines = new ArrayList<>();
        lines.add("Lesson " + l.number() + ": " + l.title() + " (seed " + l.seed() + ")");
        lines.add("The sandbox was reset to world " + sandbox.get().world().name() + " for this lesson, and the context to "
                + "its default subscription.");
        lines.add("");
        for (String para : tutor.text(l.brief()).split("\n")) {
            lines.addAll(Wrap.lines(para, WIDTH));
        }
        lines.add("");
        lines.add("Goals (checked after every command):");
        for (Tutor.GoalState g : st.goals()) {
            lines.addAll(Wrap.indented("  " + g.number() + ". ", g.text(), WIDTH));
        }
        lines.add("");
        lines.add("'sandbox lesson hint' when stuck; 'sandbox lesson status' shows where you are; 'sandbox lesson stop' leaves.");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lesson", l.number());
        data.put("title", l.title());
        data.put("goals", st.goals().stream().map(Tutor.GoalState::text).toList());
        data.put("files", st.files());
        return new Result.Text(String.join("\n", lines) + "\n", data);
    }

    private Result lessonStatus(Invocation inv) {
        if (tutor.status() == null) {
            throw AkshException.usage("no lesson is running", "'sandbox lessons' lists them; 'sandbox lesson N' starts one");
        }
        List<String> lines = new ArrayList<>(progress()); // what has changed since the last command, first
        Tutor.Status st = tutor.status();
        long met = st.goals().stream().filter(Tutor.GoalState::met).count();
        lines.add("Lesson " + st.lesson().number() + ": " + st.lesson().title() + " — " + met + " of " + st.goals().size()
                + " goals met" + (st.complete() ? ", complete" : "") + " (" + Durations.format(st.took()) + ")");
        for (Tutor.GoalState g : st.goals()) {
            lines.addAll(Wrap.indented((g.met() ? "  ✓ " : g.missing() != null ? "  → " : "    ") + g.number() + ". ",
                    g.text(), WIDTH));
            if (g.missing() != null) {
                lines.addAll(Wrap.indented("       not yet: ", g.missing(), WIDTH));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lesson", st.lesson().number());
        data.put("complete", st.complete());
        data.put("goals", st.goals().stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("goal", g.text());
            m.put("met", g.met());
            if (g.missing() != null) {
                m.put("missing", g.missing());
            }
            return m;
        }).toList());
        return new Result.Text(String.join("\n", lines) + "\n", data);
    }

    private Result answer(Invocation inv) {
        String text = String.join(" ", inv.args());
        tutor.answer(text);
        String missing = tutor.status().goals().stream().filter(g -> !g.met()).map(Tutor.GoalState::missing)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new Result.Text("Answer noted: " + text + (missing == null ? "" : " — not yet: " + missing) + "\n",
                Map.of("answer", text));
    }

    private List<CommandSpec> faults() {
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
                CommandSpec.command("sandbox fault rbac-delay").group(GROUP)
                        .summary("Fleet hubs honour no role assignment for this long, as right after it was made (0: off)")
                        .arg("SECONDS", "how long", ValueCompleter.of(List.of("60", "300", "0")))
                        .example("sandbox fault rbac-delay 60", "then 'invoke --fleet-hub' meets 403 and aksh says why")
                        .handler(inv -> fault(inv, f -> f.rbacDelay(seconds(inv)))).build(),
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

    private static int seconds(Invocation inv) {
        try {
            int v = Integer.parseInt(inv.arg(0));
            if (v < 0 || v > 3600) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw AkshException.usage("'" + inv.arg(0) + "' is not a number of seconds (0-3600)", "sandbox fault rbac-delay 60");
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
