package dev.aksh.render;

import java.util.List;
import java.util.function.Function;

/**
 * What a command produced, independent of how it is shown: a table, a set of fields, or text. Each
 * carries the structured {@link #data()} that {@code -o json|yaml} print, so {@code last -o json}
 * can re-render a result without running the command again.
 */
public sealed interface Result permits Result.Table, Result.Details, Result.Text, Result.Empty {

    /** The structured form for json/yaml (records, lists, maps). */
    Object data();

    /** A cell: its text and what it means (for colour). */
    record Cell(String text, Style style) {
        public Cell {
            text = text == null ? "" : text;
            style = style == null ? Style.PLAIN : style;
        }

        public static Cell of(String text) {
            return new Cell(text, Style.PLAIN);
        }
    }

    /**
     * A column of a table over items of type T.
     *
     * @param marker a marker for people (such as CURRENT's '*'), left out of tsv
     */
    record Column<T>(String header, Function<T, Cell> cell, boolean marker) {
        public static <T> Column<T> of(String header, Function<T, String> text) {
            return new Column<>(header, t -> Cell.of(text.apply(t)), false);
        }

        public static <T> Column<T> styled(String header, Function<T, String> text, Function<T, Style> style) {
            return new Column<>(header, t -> new Cell(text.apply(t), style.apply(t)), false);
        }

        /** A column that marks rows for the reader (CURRENT); tsv leaves it out. */
        public static <T> Column<T> marker(String header, Function<T, String> text) {
            return new Column<>(header, t -> new Cell(text.apply(t), Style.BOLD), true);
        }
    }

    /**
     * Rows of items under a header.
     *
     * @param headers column headers
     * @param rows cells per row
     * @param data the items, for json/yaml
     * @param markers which columns are markers for people, left out of tsv
     * @param emptyMessage said (on stderr) when there are no rows in table form
     */
    record Table(List<String> headers, List<List<Cell>> rows, List<Boolean> markers, Object data, String emptyMessage)
            implements Result {
        public static <T> Table of(List<T> items, List<Column<T>> columns, String emptyMessage) {
            List<String> headers = columns.stream().map(Column::header).toList();
            List<List<Cell>> rows = items.stream()
                    .map(item -> columns.stream().map(c -> c.cell().apply(item)).toList())
                    .toList();
            return new Table(headers, rows, columns.stream().map(Column::marker).toList(), items, emptyMessage);
        }

        /** The same rows, with {@code data} for json/yaml instead of the row items. */
        public Table withData(Object data) {
            return new Table(headers, rows, markers, data, emptyMessage);
        }
    }

    /** One object as labelled fields (the {@code show} commands). */
    record Details(List<Field> fields, Object data) implements Result {
        public record Field(String label, Cell value) {
            public static Field of(String label, String value) {
                return new Field(label, Cell.of(value));
            }

            public static Field of(String label, String value, Style style) {
                return new Field(label, new Cell(value, style));
            }
        }
    }

    /**
     * Preformatted text; {@code data} is what json/yaml print (the text itself if null).
     *
     * @param verbatim print exactly the text, without completing a last line (remote output)
     */
    record Text(String text, Object data, boolean verbatim) implements Result {
        public Text(String text, Object data) {
            this(text, data, false);
        }

        public static Text of(String text) {
            return new Text(text, null, false);
        }

        /** Output from elsewhere (a remote command's logs), printed byte for byte. */
        public static Text verbatim(String text, Object data) {
            return new Text(text, data, true);
        }

        @Override
        public Object data() {
            return data == null ? text : data;
        }
    }

    /** Nothing to show. */
    record Empty() implements Result {
        @Override
        public Object data() {
            return null;
        }
    }

    Result EMPTY = new Empty();
}
