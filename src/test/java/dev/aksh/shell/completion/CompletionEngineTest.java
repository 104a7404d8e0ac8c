package dev.aksh.shell.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.render.Result;
import dev.aksh.shell.CommandCatalog;
import dev.aksh.shell.CommandSpec;
import dev.aksh.shell.OptionSpec;
import dev.aksh.shell.Safety;
import dev.aksh.shell.SpecCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionEngineTest {
    private final CommandCatalog catalog = new CommandCatalog(spec -> new SpecCommand(spec, (i, r, c) -> { }));
    private boolean readOnly;
    private final CompletionEngine engine = new CompletionEngine(catalog, s -> s.safety() == Safety.READ || !readOnly);

    CompletionEngineTest() {
        CommandSpec.Handler none = inv -> Result.EMPTY;
        ValueCompleter clusters = ValueCompleter.of(List.of("aks-payments", "aks-web", "aks-ledger"));
        ValueCompleter groups = r -> List.of(Suggestion.of("rg-web"), Suggestion.of("rg-payments"));
        catalog.register(CommandSpec.command("cluster list").output()
                .option(OptionSpec.value("resource-group", 'g', "RG", "group", groups)).handler(none).build());
        catalog.register(CommandSpec.command("cluster use").arg("NAME", "n", clusters)
                .option(OptionSpec.value("resource-group", 'g', "RG", "group", groups)).handler(none).build());
        catalog.register(CommandSpec.command("cluster show").optionalArg("NAME", "n", clusters).output().handler(none).build());
        catalog.register(CommandSpec.command("subscription use")
                .arg("NAME", "n", ValueCompleter.of(List.of("Contoso Production", "Contoso Platform"))).handler(none).build());
        catalog.register(CommandSpec.command("ranges add").variadicArg("CIDR", "c", true, ValueCompleter.NONE)
                .safety(Safety.WRITE).handler(none).build());
        catalog.register(CommandSpec.command("context").output().handler(none).build());
    }

    private List<String> values(String line) {
        return engine.complete(line).stream().map(Suggestion::value).toList();
    }

    @Test
    void firstWordsThenSubcommands() {
        assertThat(values("")).containsExactlyInAnyOrder("cluster", "subscription", "ranges", "context");
        assertThat(values("c")).containsExactlyInAnyOrder("cluster", "context");
        assertThat(values("cluster ")).containsExactly("list", "show", "use");
        assertThat(values("cluster u")).containsExactly("use");
    }

    @Test
    void argumentValuesComeFromTheCompleterFilteredByWhatIsTyped() {
        assertThat(values("cluster use ")).containsExactly("aks-payments", "aks-web", "aks-ledger");
        assertThat(values("cluster use aks-w")).containsExactly("aks-web");
        assertThat(values("cluster use AKS-L")).containsExactly("aks-ledger");
        assertThat(values("cluster use aks-web ")).containsExactly("--resource-group");
    }

    @Test
    void optionNamesAndOptionValues() {
        assertThat(values("cluster list -")).containsExactly("--resource-group", "--output");
        assertThat(values("cluster list -o ")).containsExactly("table", "json", "yaml", "tsv");
        assertThat(values("cluster list --output j")).containsExactly("json");
        assertThat(values("cluster list -g ")).containsExactly("rg-web", "rg-payments");
        assertThat(values("cluster list -o json -")).containsExactly("--resource-group");
    }

    @Test
    void valuesWithSpacesCompleteInsideQuotes() {
        assertThat(values("subscription use 'Contoso Pr")).containsExactly("Contoso Production");
        assertThat(values("subscription use Contoso\\ Pl")).containsExactly("Contoso Platform");
    }

    @Test
    void onlyTheLastCommandOfALineCompletes() {
        assertThat(values("context; cluster use aks-p")).containsExactly("aks-payments");
    }

    @Test
    void commandsThatChangeStateDisappearInReadOnlyMode() {
        readOnly = true;
        assertThat(values("")).doesNotContain("ranges");
        assertThat(values("ranges ")).isEmpty();
        readOnly = false;
        assertThat(values("ranges ")).containsExactly("add");
    }
}
