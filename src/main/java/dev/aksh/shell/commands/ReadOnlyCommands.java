package dev.aksh.shell.commands;

import dev.aksh.error.AkshException;
import dev.aksh.render.Result;
import dev.aksh.session.SessionState;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.Invocation;
import dev.aksh.shell.completion.ValueCompleter;
import java.util.List;
import java.util.Map;

/** {@code readonly on|off}: read-only mode for this context, saved with it. */
public final class ReadOnlyCommands {
    private final SessionState session;
    private final boolean launchedReadOnly;
    private final java.util.function.Supplier<String> configured;

    /**
     * @param launchedReadOnly whether aksh was started with --read-only (which 'readonly off' cannot undo)
     * @param configured why the configuration makes the current cluster read-only, or null
     */
    public ReadOnlyCommands(SessionState session, boolean launchedReadOnly, java.util.function.Supplier<String> configured) {
        this.session = session;
        this.launchedReadOnly = launchedReadOnly;
        this.configured = configured;
    }

    public List<CommandSpec> commands() {
        return List.of(CommandSpec.command("readonly").group("Context")
                .summary("Turn read-only mode on or off (saved with the context); without an argument, say which it is")
                .description("""
                        In read-only mode every command that changes state is refused with the reason and left out of
                        completion: ranges changes, network peering create, and inside invoke "…" the kubectl and helm
                        verbs that change a cluster (apply, create, delete, edit, patch, replace, scale, drain, cordon,
                        exec, helm install/upgrade/uninstall…). The prompt shows [read-only].""")
                .optionalArg("on|off", "the new setting", ValueCompleter.of(List.of("on", "off")))
                .example("readonly on", "look, don't touch: for a production incident")
                .handler(this::readonly).build());
    }

    private Result readonly(Invocation inv) {
        String v = inv.arg(0);
        String why = configured.get();
        if (v == null) {
            boolean on = launchedReadOnly || session.get().readOnly() || why != null;
            return new Result.Text("read-only mode is " + (on ? "on" : "off") + (launchedReadOnly ? " (--read-only)"
                    : why != null && !session.get().readOnly() ? " (" + why + ")" : "") + "\n",
                    Map.of("readOnly", on, "launchedReadOnly", launchedReadOnly));
        }
        if (!v.equals("on") && !v.equals("off")) {
            throw AkshException.usage("readonly takes on or off, not '" + v + "'", "readonly on, or readonly off");
        }
        if (v.equals("off") && launchedReadOnly) {
            throw AkshException.refused("aksh was started with --read-only, which lasts until it exits",
                    "start aksh without --read-only to change things");
        }
        if (v.equals("off") && why != null) {
            throw AkshException.refused("read-only stays on: " + why, "edit the configuration to change that");
        }
        session.update(s -> s.withReadOnly(v.equals("on")));
        return new Result.Text("read-only mode is " + v + (v.equals("on") ? ": commands that change state are refused" : "")
                + ".\n", Map.of("readOnly", v.equals("on")));
    }
}
