package dev.aksh.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Shows a {@link Result} in one of the {@link OutputFormat}s. */
public final class Renderer {
    private static final String GAP = "   ";

    private Renderer() {
    }

    public static void render(Result result, OutputFormat format, Console console) {
        PrintWriter out = console.out();
        switch (format) {
            case JSON -> {
                if (!(result instanceof Result.Empty)) {
                    out.println(json(result.data()));
                }
            }
            case YAML -> {
                if (!(result instanceof Result.Empty)) {
                    out.print(yaml(result.data()));
                }
            }
            case TSV -> tsv(result, out);
            case TABLE -> table(result, console);
        }
        out.flush();
    }

    private static void table(Result result, Console console) {
        PrintWriter out = console.out();
        if (result instanceof Result.Table t) {
            if (t.rows().isEmpty()) {
                if (t.emptyMessage() != null) {
                    console.note(t.emptyMessage());
                }
                return;
            }
            int[] widths = new int[t.headers().size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = t.headers().get(i).length();
            }
            for (List<Result.Cell> row : t.rows()) {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], row.get(i).text().length());
                }
            }
            List<Result.Cell> header = new ArrayList<>();
            for (String h : t.headers()) {
                header.add(new Result.Cell(h, Style.HEADER));
            }
            out.println(line(header, widths, console));
            for (List<Result.Cell> row : t.rows()) {
                out.println(line(row, widths, console));
            }
        } else if (result instanceof Result.Details d) {
            int w = d.fields().stream().mapToInt(f -> f.label().length()).max().orElse(0);
            for (Result.Details.Field f : d.fields()) {
                String label = pad(f.label() + ":", w + 1);
                out.println(console.style(label, Style.BOLD) + " " + console.style(f.value().text(), f.value().style()));
            }
        } else if (result instanceof Result.Text t) {
            out.print(t.text());
            if (!t.verbatim() && !t.text().isEmpty() && !t.text().endsWith("\n")) {
                out.println();
            }
        }
    }

    private static String line(List<Result.Cell> cells, int[] widths, Console console) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            Result.Cell c = cells.get(i);
            boolean last = i == cells.size() - 1;
            String text = last ? c.text() : pad(c.text(), widths[i]);
            if (c.style() != Style.PLAIN && console.colour()) {
                // style the text, not the padding, so columns stay aligned
                String styled = c.style().ansi(c.text());
                text = last ? styled : styled + " ".repeat(widths[i] - c.text().length());
            }
            sb.append(text);
            if (!last) {
                sb.append(GAP);
            }
        }
        return stripTrailing(sb.toString());
    }

    private static void tsv(Result result, PrintWriter out) {
        if (result instanceof Result.Table t) {
            for (List<Result.Cell> row : t.rows()) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    if (!t.markers().get(i)) {
                        values.add(tsvValue(row.get(i).text()));
                    }
                }
                out.println(String.join("\t", values));
            }
        } else if (result instanceof Result.Details d) {
            out.println(String.join("\t", d.fields().stream().map(f -> tsvValue(f.value().text())).toList()));
        } else if (result instanceof Result.Text t) {
            out.print(t.text());
            if (!t.verbatim() && !t.text().isEmpty() && !t.text().endsWith("\n")) {
                out.println();
            }
        }
    }

    private static String tsvValue(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    private static final class Mappers {
        static final ObjectMapper JSON = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .setDefaultPrettyPrinter(new DefaultPrettyPrinter()
                        .withSeparators(Separators.createDefaultInstance()
                                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                        .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE))
                .enable(SerializationFeature.INDENT_OUTPUT);
        static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public static String json(Object data) {
        try {
            return Mappers.JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String yaml(Object data) {
        try {
            return Mappers.YAML.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render YAML: " + e.getOriginalMessage(), e);
        }
    }
}
