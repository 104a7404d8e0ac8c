package dev.aksh.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aksh.error.AkshException;
import dev.aksh.render.Result;
import dev.aksh.shell.completion.ValueCompleter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.shell.core.command.ParsedInput;

class AkshCommandParserTest {
    private final CommandCatalog catalog = new CommandCatalog(spec -> new SpecCommand(spec, (i, r, c) -> { }));
    private final AkshCommandParser parser = new AkshCommandParser(catalog);

    AkshCommandParserTest() {
        CommandSpec.Handler none = inv -> Result.EMPTY;
        catalog.register(CommandSpec.command("cluster list").output()
                .option(OptionSpec.flag("all-subscriptions", 'A', "all"))
                .option(OptionSpec.value("resource-group", 'g', "RG", "group", ValueCompleter.NONE))
                .handler(none).build());
        catalog.register(CommandSpec.command("cluster use").arg("NAME", "name", ValueCompleter.NONE)
                .option(OptionSpec.value("resource-group", 'g', "RG", "group", ValueCompleter.NONE)).handler(none).build());
        catalog.register(CommandSpec.command("cluster show").optionalArg("NAME", "name", ValueCompleter.NONE).output()
                .handler(none).build());
        catalog.register(CommandSpec.command("invoke").arg("COMMAND", "cmd", ValueCompleter.NONE)
                .option(OptionSpec.value("file", 'f', "PATH", "file", ValueCompleter.NONE).asRepeatable())
                .option(OptionSpec.value("timeout", "DUR", "timeout", ValueCompleter.NONE))
                .option(OptionSpec.flag("no-wait", "nw")).handler(none).build());
        catalog.register(CommandSpec.command("ranges add").variadicArg("CIDR", "c", true, ValueCompleter.NONE)
                .option(OptionSpec.flag("dry-run", "d")).handler(none).build());
        catalog.register(CommandSpec.command("help").variadicArg("COMMAND", "c", false, ValueCompleter.NONE).handler(none).build());
    }

    private Invocation parse(String line) {
        List<String> words = Tokenizer.statements(line).get(0);
        ParsedInput in = parser.parse(words);
        return AkshCommandParser.toInvocation(parser.resolve(words).spec(), in);
    }

    @Test
    void multiWordCommandsResolveByTheLongestMatchAndFillSpringShellsParsedInput() {
        List<String> words = List.of("cluster", "use", "aks-web", "-g", "rg-web");
        ParsedInput in = parser.parse(words);
        assertThat(in.commandName()).isEqualTo("cluster");
        assertThat(in.subCommands()).containsExactly("use");
        assertThat(in.arguments()).extracting(a -> a.value()).containsExactly("aks-web");
        assertThat(in.options()).extracting(o -> o.longName() + "=" + o.value()).containsExactly("resource-group=rg-web");
    }

    @Test
    void optionsTakeValuesInEveryUsualSpelling() {
        assertThat(parse("cluster list -o json").option("output")).isEqualTo("json");
        assertThat(parse("cluster list -ojson").option("output")).isEqualTo("json");
        assertThat(parse("cluster list -o=json").option("output")).isEqualTo("json");
        assertThat(parse("cluster list --output=yaml").option("output")).isEqualTo("yaml");
        assertThat(parse("cluster list --output tsv -A").flag("all-subscriptions")).isTrue();
        assertThat(parse("cluster list --all-subscriptions=false").flag("all-subscriptions")).isFalse();
    }

    @Test
    void repeatableOptionsKeepEveryValueInOrderAndTheCommandStringStaysWhole() {
        Invocation inv = parse("invoke 'kubectl apply -f a.yaml -f b.yaml' --file a.yaml -f b.yaml --no-wait");
        assertThat(inv.arg(0)).isEqualTo("kubectl apply -f a.yaml -f b.yaml");
        assertThat(inv.values("file")).containsExactly("a.yaml", "b.yaml");
        assertThat(inv.flag("no-wait")).isTrue();
    }

    @Test
    void aDoubleDashEndsOptionsAndADashAloneIsAnArgument() {
        assertThat(parse("ranges add -- -1.2.3.4/32").args()).containsExactly("-1.2.3.4/32");
        assertThat(parse("cluster use -").arg(0)).isEqualTo("-");
        assertThat(parse("ranges add 1.2.3.4 5.6.7.0/24 --dry-run").args()).containsExactly("1.2.3.4", "5.6.7.0/24");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "clustr list | unknown command 'clustr list' | did you mean 'cluster list'?",
        "cluster lst | unknown command 'cluster lst' | did you mean 'cluster list'?",
        "cluster | 'cluster' needs a subcommand: list, show, use | run 'help cluster'",
        "frobnicate | unknown command 'frobnicate' | run 'help' for the list of commands",
        "cluster list --outptu json | unknown option --outptu for 'cluster list' | did you mean --output?",
        "cluster list -x | unknown option -x for 'cluster list' | usage: cluster list [-A] [-g RG] [-o FORMAT]",
        "cluster list -o | -o needs a value (FORMAT) | usage: cluster list [-A] [-g RG] [-o FORMAT]",
        "cluster list -o xml | unknown output format 'xml' | use one of: table, json, yaml, tsv",
        "cluster use | missing NAME | usage: cluster use NAME [-g RG]",
        "cluster use a b | unexpected argument 'b' | usage: cluster use NAME [-g RG]",
        "cluster list -A=maybe | -A is a flag and takes no value (or true/false), not 'maybe' | usage: cluster list [-A] [-g RG] [-o FORMAT]",
        "cluster list -o json -o yaml | --output given more than once | give it once",
        "ranges add | missing CIDR | usage: ranges add CIDR... [--dry-run]",
    })
    void badInputGetsOneLineSayingWhatWasWrongAndWhatToDo(String line, String message, String hint) {
        assertThatThrownBy(() -> parse(line))
                .isInstanceOfSatisfying(AkshException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.hint()).isEqualTo(hint);
                    assertThat(e.exitCode().code()).isEqualTo(64);
                    assertThat(e.oneLine()).doesNotContain("\n");
                });
    }

    @Test
    void theInvocationSeesOptionsAsAMapAndDurationsParse() {
        Invocation inv = parse("invoke 'kubectl get pods' --timeout 90s");
        assertThat(inv.durationOption("timeout", null)).hasSeconds(90);
        assertThat(inv.options()).isEqualTo(Map.of("timeout", List.of("90s")));
    }
}
