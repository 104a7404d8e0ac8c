package dev.aksh.shell;

import dev.aksh.render.Result;
import java.util.List;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;

/**
 * A declared {@link CommandSpec} as a Spring Shell command: unpacks the parsed input into an
 * {@link Invocation}, runs the handler, and hands the result to the sink that renders it.
 */
public final class SpecCommand extends AbstractCommand {

    /** Receives what a command produced, to render it and remember it. */
    @FunctionalInterface
    public interface ResultSink {
        void accept(Invocation invocation, Result result, CommandContext context);
    }

    private final CommandSpec spec;
    private final ResultSink sink;

    public SpecCommand(CommandSpec spec, ResultSink sink) {
        super(spec.name(), spec.summary(), spec.group(), "", false);
        this.spec = spec;
        this.sink = sink;
        setOptions(spec.options().stream()
                .map(o -> CommandOption.with()
                        .longName(o.longName())
                        .shortName(o.shortName() == 0 ? ' ' : o.shortName())
                        .description(o.description())
                        .required(o.required())
                        .type(o.isFlag() ? Boolean.class : String.class)
                        .build())
                .toList());
    }

    public CommandSpec spec() {
        return spec;
    }

    @Override
    public String getHelp() {
        return HelpText.forCommand(spec);
    }

    @Override
    public List<String> getAliases() {
        return List.of();
    }

    @Override
    public ExitStatus doExecute(CommandContext context) throws Exception {
        Invocation invocation = AkshCommandParser.toInvocation(spec, context.parsedInput());
        Result result = spec.handler().run(invocation);
        sink.accept(invocation, result == null ? Result.EMPTY : result, context);
        return invocation.status() == 0 ? ExitStatus.OK : new ExitStatus(invocation.status(), "remote exit status");
    }
}
