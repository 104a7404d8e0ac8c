package dev.aksh.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.testing.HeadlessConsole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RendererTest {
    record Item(String name, String state, boolean current) {
    }

    private static Result.Table table() {
        return Result.Table.of(
                List.of(new Item("aks-web", "Succeeded", true), new Item("aks-ledger-long-name", "Failed", false)),
                List.of(Result.Column.marker("CURRENT", i -> i.current() ? "*" : ""),
                        Result.Column.of("NAME", Item::name),
                        Result.Column.styled("STATE", Item::state, i -> i.state().equals("Failed") ? Style.BAD : Style.OK)),
                "nothing");
    }

    @Test
    void tablesAlignColumnsLikeKubectlWithNoTrailingBlanks() {
        HeadlessConsole c = new HeadlessConsole();
        Renderer.render(table(), OutputFormat.TABLE, c);
        assertThat(c.stdout()).isEqualTo("""
                CURRENT   NAME                   STATE
                *         aks-web                Succeeded
                          aks-ledger-long-name   Failed
                """);
    }

    @Test
    void colourStylesTheTextNotThePaddingAndIsAbsentWhenOff() {
        HeadlessConsole colour = new HeadlessConsole(true, true);
        Renderer.render(table(), OutputFormat.TABLE, colour);
        assertThat(colour.stdout()).contains("\u001b[31mFailed\u001b[0m").contains("\u001b[1mNAME\u001b[0m" + " ".repeat(19));
        HeadlessConsole plain = new HeadlessConsole();
        Renderer.render(table(), OutputFormat.TABLE, plain);
        assertThat(plain.stdout()).doesNotContain("\u001b");
    }

    @Test
    void tsvHasNoHeaderAndNoMarkerColumns() {
        HeadlessConsole c = new HeadlessConsole(true, false);
        Renderer.render(table(), OutputFormat.TSV, c);
        assertThat(c.stdout()).isEqualTo("aks-web\tSucceeded\naks-ledger-long-name\tFailed\n");
    }

    @Test
    void jsonAndYamlRenderTheDataNotTheCells() {
        HeadlessConsole c = new HeadlessConsole();
        Renderer.render(table(), OutputFormat.JSON, c);
        assertThat(c.stdout()).isEqualTo("""
                [
                  {
                    "name": "aks-web",
                    "state": "Succeeded",
                    "current": true
                  },
                  {
                    "name": "aks-ledger-long-name",
                    "state": "Failed",
                    "current": false
                  }
                ]
                """);
        HeadlessConsole y = new HeadlessConsole();
        Renderer.render(new Result.Details(List.of(), Map.of("ranges", List.of("1.2.3.0/24"), "n", 1)), OutputFormat.YAML, y);
        assertThat(y.stdout()).contains("ranges:\n- 1.2.3.0/24");
    }

    @Test
    void timesRenderAsIsoStringsInJsonAndYaml() {
        record Token(java.time.OffsetDateTime expires) {
        }
        Object data = new Token(java.time.OffsetDateTime.parse("2026-11-22T13:45:00Z"));
        HeadlessConsole j = new HeadlessConsole();
        Renderer.render(new Result.Details(List.of(), data), OutputFormat.JSON, j);
        assertThat(j.stdout()).contains("\"expires\": \"2026-11-22T13:45:00Z\"");
        HeadlessConsole y = new HeadlessConsole();
        Renderer.render(new Result.Details(List.of(), data), OutputFormat.YAML, y);
        assertThat(y.stdout()).contains("expires: 2026-11-22T13:45:00Z");
    }

    @Test
    void anEmptyTableSaysSoOnStderrAndPrintsNothingOnStdout() {
        HeadlessConsole c = new HeadlessConsole();
        Renderer.render(Result.Table.of(List.<Item>of(), List.of(Result.Column.of("NAME", Item::name)), "No clusters."),
                OutputFormat.TABLE, c);
        assertThat(c.stdout()).isEmpty();
        assertThat(c.stderr()).isEqualTo("No clusters.\n");
        HeadlessConsole j = new HeadlessConsole();
        Renderer.render(Result.Table.of(List.<Item>of(), List.of(Result.Column.of("NAME", Item::name)), "No clusters."),
                OutputFormat.JSON, j);
        assertThat(j.stdout()).isEqualTo("[ ]\n");
    }

    @Test
    void detailsAlignLabels() {
        HeadlessConsole c = new HeadlessConsole();
        Renderer.render(new Result.Details(List.of(Result.Details.Field.of("Name", "aks-web"),
                Result.Details.Field.of("Run command", "enabled")), null), OutputFormat.TABLE, c);
        assertThat(c.stdout()).isEqualTo("Name:        aks-web\nRun command: enabled\n");
    }
}
