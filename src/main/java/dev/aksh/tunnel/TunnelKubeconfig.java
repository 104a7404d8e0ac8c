package dev.aksh.tunnel;

import com.azure.core.credential.AccessToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aksh.error.AkshException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/**
 * The tunnel's kubeconfig: a private copy (0600, in a 0700 directory of its own) and, when asked,
 * a context merged into the operator's kubeconfig. For an AAD cluster it carries a token that aksh
 * renews before it expires; on close both are gone: the private directory deleted, the merged
 * entries removed and the previous current-context restored.
 */
public final class TunnelKubeconfig implements AutoCloseable {
    private final Path directory;
    private final Path file;
    private final Kubeconfig.Source source;
    private final String name;
    private final int port;
    private final Supplier<AccessToken> tokens;
    private final Path mergeInto;
    private String previousContext;
    private OffsetDateTime expiresAt;

    /**
     * @param tokens tokens for the AAD server app, when the source needs one; else null
     * @param mergeInto an operator's kubeconfig to merge the context into, or null
     */
    public TunnelKubeconfig(Path tempRoot, Kubeconfig.Source source, String name, int port, Supplier<AccessToken> tokens,
            Path mergeInto) {
        this.directory = PrivateFiles.newDirectory(tempRoot, TunnelManager.DIR_PREFIX);
        this.file = directory.resolve("kubeconfig");
        this.source = source;
        this.name = name;
        this.port = port;
        this.tokens = tokens;
        this.mergeInto = mergeInto;
        try {
            Files.createDirectories(directory.resolve("cache"));
            ObjectNode doc = document();
            PrivateFiles.write(file, Kubeconfig.bytes(doc));
            if (mergeInto != null) {
                merge(doc);
            }
        } catch (RuntimeException | IOException e) {
            PrivateFiles.deleteTree(directory);
            if (e instanceof AkshException a) {
                throw a;
            }
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    public Path file() {
        return file;
    }

    public Path directory() {
        return directory;
    }

    /** kubectl's discovery cache for this tunnel: private, and gone with it. */
    public Path cacheDirectory() {
        return directory.resolve("cache");
    }

    public String contextName() {
        return name;
    }

    public Path mergedInto() {
        return mergeInto;
    }

    /** When the token in it expires, or null when it holds no token. */
    public synchronized OffsetDateTime expiresAt() {
        return expiresAt;
    }

    /** Writes a fresh token into both copies. */
    public synchronized void refresh() {
        if (tokens == null) {
            return;
        }
        ObjectNode doc = document();
        PrivateFiles.write(file, Kubeconfig.bytes(doc));
        if (mergeInto != null && Files.exists(mergeInto)) {
            ObjectNode target = read(mergeInto);
            if (Kubeconfig.replaceUser(target, doc, name)) {
                PrivateFiles.write(mergeInto, Kubeconfig.bytes(target));
            }
        }
    }

    private synchronized ObjectNode document() {
        String token = null;
        if (source.needsToken()) {
            AccessToken t = tokens.get();
            token = t.getToken();
            expiresAt = t.getExpiresAt();
        }
        return Kubeconfig.forTunnel(source, name, port, token);
    }

    private void merge(ObjectNode doc) {
        previousContext = Kubeconfig.mergeFile(mergeInto, doc, name).previousContext();
    }

    private static ObjectNode read(Path p) {
        try {
            return Kubeconfig.parse(Files.readAllBytes(p), p.toString());
        } catch (IOException e) {
            throw AkshException.usage("cannot read " + p + ": " + e.getMessage(), "check the path and its permissions");
        }
    }

    /** Removes the merged context (restoring the previous current-context) and deletes the private copy. */
    @Override
    public synchronized void close() {
        try {
            if (mergeInto != null && Files.exists(mergeInto)) {
                ObjectNode target = read(mergeInto);
                Kubeconfig.remove(target, name, previousContext);
                PrivateFiles.write(mergeInto, Kubeconfig.bytes(target));
            }
        } catch (RuntimeException ignored) {
            // the private copy still goes
        } finally {
            PrivateFiles.deleteTree(directory);
        }
    }
}
