package dev.aksh.invoke;

import dev.aksh.error.AkshException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs {@code --file} attachments into the base64 zip that run command carries in {@code context}.
 * A file goes at the zip root under its own name; a directory keeps its tree under its name;
 * {@code .} puts the current directory's contents at the root. Two attachments that would have the
 * same name in the zip are refused, naming both (az silently keeps one). The zip is written entry
 * by entry straight into the base64 text, and packing stops as soon as the request would pass the
 * limit.
 */
public final class Attachments {
    /** Above this, say the request is large. */
    public static final long WARN_BYTES = 1024 * 1024;
    /** ARM's request limit is about 4 MB; the command and JSON around the context need a little of it. */
    public static final long LIMIT_BYTES = 4L * 1024 * 1024 - 16 * 1024;

    /**
     * The packed attachments.
     *
     * @param context the base64 zip, or "" when nothing is attached
     * @param entries the names in the zip, in order
     * @param warning a line to show the operator (a large request), or null
     */
    public record Packed(String context, List<String> entries, String warning) {
        public static final Packed NONE = new Packed("", List.of(), null);
    }

    private Attachments() {
    }

    /** Packs {@code paths} (relative to {@code cwd} unless absolute). */
    public static Packed pack(List<String> paths, Path cwd) {
        if (paths.isEmpty()) {
            return Packed.NONE;
        }
        Map<String, Path> entries = new LinkedHashMap<>();
        for (String p : paths) {
            Path source = cwd.resolve(p).normalize();
            if (!Files.exists(source)) {
                throw AkshException.usage("no file or directory '" + p + "' to attach", "check the path (relative to "
                        + cwd + ")");
            }
            if (Files.isDirectory(source)) {
                String prefix = p.equals(".") || source.equals(cwd.normalize()) ? "" : source.getFileName() + "/";
                try (Stream<Path> walk = Files.walk(source)) {
                    for (Path f : walk.filter(x -> Files.isRegularFile(x, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                        add(entries, prefix + source.relativize(f).toString().replace('\\', '/'), f);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                add(entries, source.getFileName().toString(), source);
            }
        }
        LimitedBase64 sink = new LimitedBase64(LIMIT_BYTES);
        try (ZipOutputStream zip = new ZipOutputStream(sink.encoder(), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Path> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                try (InputStream in = Files.newInputStream(e.getValue())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (NoSuchFileException e) {
            throw AkshException.usage("'" + e.getFile() + "' disappeared while it was being attached", "try again");
        } catch (IOException e) {
            if (sink.exceeded()) {
                throw AkshException.usage("the attachments make a request of more than "
                        + megabytes(LIMIT_BYTES) + " MB, above run command's limit of about 4 MB",
                        "attach fewer files, or use the tunnel route ('connect bastion') and apply them with your own kubectl");
            }
            throw new UncheckedIOException(e);
        }
        String context = sink.text();
        String warning = context.length() > WARN_BYTES ? "the attachments make a " + megabytes(context.length())
                + " MB request; run command accepts up to about 4 MB" : null;
        return new Packed(context, List.copyOf(entries.keySet()), warning);
    }

    private static void add(Map<String, Path> entries, String name, Path source) {
        Path before = entries.putIfAbsent(name, source);
        if (before != null && !before.equals(source)) {
            throw AkshException.usage("two attachments would both be '" + name + "' in the zip: " + before + " and " + source,
                    "rename one, or attach their directories so each keeps its path");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** A base64 text sink that fails once it holds more than {@code limit} characters. */
    private static final class LimitedBase64 extends OutputStream {
        private final long limit;
        private final ByteArrayOutputStream text = new ByteArrayOutputStream();
        private boolean exceeded;

        LimitedBase64(long limit) {
            this.limit = limit;
        }

        OutputStream encoder() {
            return Base64.getEncoder().wrap(this);
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            text.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            text.write(b, off, len);
        }

        private void check(int more) throws IOException {
            if (text.size() + (long) more > limit) {
                exceeded = true;
                throw new IOException("attachments too large");
            }
        }

        boolean exceeded() {
            return exceeded;
        }

        String text() {
            return text.toString(StandardCharsets.US_ASCII);
        }
    }

    /** The entries of a packed context (for tests and the {@code --dry-run} view). */
    public static List<String> list(String context) {
        List<String> out = new ArrayList<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(context)))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                out.add(e.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
