package dev.aksh.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/**
 * Persists the session context as one JSON file, written atomically (a temp file in the same
 * directory, then a rename). The sandbox uses a different file from real Azure, so a training
 * session never changes the operator's real context; so does another cloud (one file per ARM host).
 *
 * <p>A corrupt file is reported through the warning sink, moved aside to {@code *.corrupt}, and
 * replaced: it is never fatal.
 */
public final class ContextStore {
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Consumer<String> warnings;

    public ContextStore(Path configDir, boolean sandbox, Consumer<String> warnings) {
        this(configDir, sandbox, null, warnings);
    }

    /**
     * @param cloud the host of another cloud's ARM endpoint ({@code AKSH_ARM_ENDPOINT}), whose
     *     context is kept apart from public Azure's; null for public Azure
     */
    public ContextStore(Path configDir, boolean sandbox, String cloud, Consumer<String> warnings) {
        this.file = configDir.resolve(sandbox ? "context.sandbox.json"
                : cloud == null ? "context.json" : "context." + cloud.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]", "_") + ".json");
        this.warnings = warnings;
    }

    public Path file() {
        return file;
    }

    /** Reads the stored context, or an empty one if there is none or it cannot be read. */
    public SessionContext load(boolean sandbox) {
        SessionContext empty = SessionContext.empty(sandbox);
        if (!Files.exists(file)) {
            return empty;
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (n == null || !n.isObject()) {
                throw new IOException("not a JSON object");
            }
            return fromJson(n, sandbox);
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                // keep going: the next save replaces the file anyway
            }
            warnings.accept("the saved context in " + file + " could not be read (" + firstLine(e)
                    + "); it was moved to " + aside.getFileName() + " and a fresh context started");
            return empty;
        }
    }

    /** Writes the context atomically. Failures are reported as warnings, never thrown. */
    public void save(SessionContext ctx) {
        try {
            Path dir = file.getParent();
            createPrivateDirectories(dir);
            String body = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(ctx)) + "\n";
            Path tmp = Files.createTempFile(dir, ".context", ".tmp");
            try {
                Files.writeString(tmp, body, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            warnings.accept("could not save the context to " + file + ": " + firstLine(e));
        }
    }

    static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            // raced with another aksh: fine
        }
    }

    static ObjectNode toJson(SessionContext c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        if (c.subscription() != null) {
            n.putObject("subscription").put("id", c.subscription().id()).put("name", c.subscription().name());
        }
        if (c.cluster() != null) {
            putCluster(n.putObject("cluster"), c.cluster());
        }
        if (c.previousCluster() != null) {
            putCluster(n.putObject("previousCluster"), c.previousCluster());
        }
        if (c.fleet() != null) {
            n.put("fleet", c.fleet());
        }
        n.put("route", c.route().label());
        n.put("readOnly", c.readOnly());
        return n;
    }

    private static void putCluster(ObjectNode n, ClusterRef r) {
        n.put("subscriptionId", r.subscriptionId()).put("resourceGroup", r.resourceGroup()).put("name", r.name());
    }

    static SessionContext fromJson(JsonNode n, boolean sandbox) throws IOException {
        int format = n.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new IOException("unknown format " + n.path("format"));
        }
        SubscriptionRef sub = null;
        JsonNode s = n.get("subscription");
        if (s != null && !s.isNull()) {
            sub = new SubscriptionRef(required(s, "id"), s.path("name").asText(null));
        }
        Route route = Route.fromLabel(n.path("route").asText("run-command"));
        return new SessionContext(sub, cluster(n.get("cluster")), cluster(n.get("previousCluster")),
                n.hasNonNull("fleet") ? n.get("fleet").asText() : null,
                route == null ? Route.RUN_COMMAND : route, n.path("readOnly").asBoolean(false), sandbox);
    }

    private static ClusterRef cluster(JsonNode c) throws IOException {
        if (c == null || c.isNull()) {
            return null;
        }
        return new ClusterRef(required(c, "subscriptionId"), required(c, "resourceGroup"), required(c, "name"));
    }

    private static String required(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IOException("missing '" + field + "'");
        }
        return v.asText();
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
