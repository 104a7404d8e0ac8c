package dev.aksh.shell.commands;

import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.render.Result;
import dev.aksh.shell.CommandCatalog;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.HelpText;
import dev.aksh.shell.Invocation;
import dev.aksh.shell.Shell;
import dev.aksh.shell.completion.Suggestion;
import dev.aksh.shell.completion.ValueCompleter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shell's own commands: help, exit, version, stacktrace, status, last. */
public final class ShellCommands {
    private static final String GROUP = "Shell";

    private final CommandCatalog catalog;
    private final ShellControl control;
    private final String version;
    private Shell shell;

    public ShellCommands(CommandCatalog catalog, ShellControl control, String version) {
        this.catalog = catalog;
        this.control = control;
        this.version = version;
    }

    /** The shell whose last result and error these commands report (set once it exists). */
    public void attach(Shell shell) {
        this.shell = shell;
    }

    public List<CommandSpec> commands() {
        ValueCompleter commandNames = r -> {
            List<Suggestion> out = new ArrayList<>();
            for (String n : catalog.allNames()) {
                out.add(Suggestion.of(n));
            }
            return out;
        };
        return List.of(
                CommandSpec.command("help").group(GROUP).summary("List commands, or show one command's usage and examples")
                        .variadicArg("COMMAND", "a command or command group, such as 'cluster' or 'cluster use'", false, commandNames)
                        .example("help", "all commands by group")
                        .example("help cluster use", "usage, options and examples of 'cluster use'")
                        .handler(this::help).build(),
                CommandSpec.command("exit").group(GROUP).summary("Leave aksh (closes tunnels, deletes temporary credentials)")
                        .optionalArg("CODE", "the exit status (default 0)", ValueCompleter.NONE)
                        .example("exit", "leave the shell")
                        .handler(this::exit).build(),
                CommandSpec.command("quit").group(GROUP).summary("Leave aksh (same as exit)")
                        .handler(this::exit).build(),
                CommandSpec.command("version").group(GROUP).summary("Show the aksh version").output()
                        .handler(inv -> new Result.Text("aksh " + version + "\n", Map.of("version", version))).build(),
                CommandSpec.command("stacktrace").group(GROUP).summary("Show the full details of the last error")
                        .example("stacktrace", "after an 'unexpected error', to report it")
                        .handler(this::stacktrace).build(),
                CommandSpec.command("status").group(GROUP).summary("Show the exit status of the last command").output()
                        .handler(this::status).build(),
                CommandSpec.command("last").group(GROUP).summary("Show the last command's result again, in another format").output()
                        .example("last -o json", "the previous table as JSON")
                        .handler(this::last).build());
    }

    private Result help(Invocation inv) {
        List<String> words = inv.args();
        if (words.isEmpty()) {
            return Result.Text.of(HelpText.overview(catalog));
        }
        CommandCatalog.Match m = catalog.resolve(words);
        if (m != null && m.words() == words.size()) {
            return Result.Text.of(HelpText.forCommand(m.spec()));
        }
        List<CommandSpec> under = catalog.under(words);
        if (!under.isEmpty()) {
            return Result.Text.of(HelpText.forGroup(String.join(" ", words), under));
        }
        String typed = String.join(" ", words);
        String near = dev.aksh.text.Suggest.nearest(typed, catalog.allNames());
        throw AkshException.usage("no command '" + typed + "'",
                near != null ? "did you mean 'help " + near + "'?" : "run 'help' for the list");
    }

    private Result exit(Invocation inv) {
        int code = 0;
        if (inv.arg(0) != null) {
            try {
                code = Integer.parseInt(inv.arg(0));
                if (code < 0 || code > 255) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw AkshException.usage("exit status must be 0-255, not '" + inv.arg(0) + "'", "usage: exit [CODE]");
            }
        }
        control.requestExit(code);
        inv.status(code);
        return Result.EMPTY;
    }

    private Result stacktrace(Invocation inv) {
        AkshException e = shell == null ? null : shell.lastError();
        if (e == null) {
            return Result.Text.of("No error so far in this session.\n");
        }
        StringWriter w = new StringWriter();
        PrintWriter pw = new PrintWriter(w);
        pw.println("error: " + e.oneLine() + " (exit " + e.exitCode().code() + ")");
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        cause.printStackTrace(pw);
        pw.flush();
        return Result.Text.of(w.toString());
    }

    private Result status(Invocation inv) {
        int code = shell == null ? 0 : shell.lastStatus();
        ExitCode meaning = ExitCode.of(code);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", code);
        data.put("meaning", meaning == null ? "the remote command's own exit status" : meaning.meaning());
        return new Result.Details(List.of(
                Result.Details.Field.of("Last exit status", String.valueOf(code)),
                Result.Details.Field.of("Meaning", String.valueOf(data.get("meaning")))), data);
    }

    private Result last(Invocation inv) {
        Result r = shell == null ? null : shell.lastResult();
        if (r == null || r instanceof Result.Empty) {
            throw AkshException.notFound("no earlier result to show", "run a command that shows data first");
        }
        return r;
    }
}
