package dev.aksh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * docs/benchmarks.md, one section per benchmark between markers, so running one benchmark leaves
 * the others' latest results in place.
 */
final class BenchmarkFile {
    private static final String HEADER = """
            # Benchmarks

            Written by `./bench` (see README). Each section is replaced when its benchmark runs again;
            the date, machine and JVM of the run are in the section. Targets come from the issues.
            Timings are wall clock, medians of repeated runs on this machine, not timed unit tests.
            """;

    private BenchmarkFile() {
    }

    static void write(Path file, String name, String body) throws IOException {
        String begin = "<!-- bench:" + name + " -->";
        String end = "<!-- /bench:" + name + " -->";
        String text = Files.exists(file) ? Files.readString(file) : HEADER;
        String section = begin + "\n" + body.strip() + "\n" + end;
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b >= 0 && e > b) {
            text = text.substring(0, b) + section + text.substring(e + end.length());
        } else {
            text = text.stripTrailing() + "\n\n" + section + "\n";
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
