package dev.aksh.tunnel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.aksh.error.AkshException;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;

/**
 * Kubeconfig documents, pure: reads what AKS's kubeconfig says about a cluster, writes the tunnel's
 * own (server {@code https://localhost:PORT}, {@code tls-server-name} the cluster's FQDN, so TLS is
 * still verified against the cluster's CA), and merges one into or out of an operator's kubeconfig.
 */
public final class Kubeconfig {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private Kubeconfig() {
    }

    /**
     * What AKS's kubeconfig says: where the API server is, which CA signs it, and who the user is.
     *
     * @param host the API server's host name: the name its certificate carries
     * @param user the kubeconfig {@code user} entry (client certificate, token or exec plugin)
     * @param kubeloginServerId for an AAD cluster's kubelogin user, the AAD server app to get tokens for; else null
     */
    public record Source(String server, String host, String certificateAuthorityData, ObjectNode user,
            String kubeloginServerId) {
        public boolean needsToken() {
            return kubeloginServerId != null;
        }
    }

    /** Reads the current context of a kubeconfig AKS returned. */
    public static Source read(byte[] yaml) {
        JsonNode doc;
        try {
            doc = YAML.readTree(yaml);
        } catch (IOException e) {
            throw AkshException.remote("the kubeconfig AKS returned is not valid YAML", "retry; if it persists, report it");
        }
        if (doc == null || doc.isMissingNode() || doc.isNull()) {
            throw AkshException.remote("the kubeconfig AKS returned is empty", "retry; if it persists, report it");
        }
        if (!doc.isObject()) {
            throw AkshException.remote("the kubeconfig AKS returned is not a kubeconfig", "retry; if it persists, report it");
        }
        String currentName = doc.path("current-context").asText(null);
        JsonNode context = named(doc.path("contexts"), currentName);
        if (context == null && doc.path("contexts").size() > 0) {
            context = doc.path("contexts").get(0);
        }
        String clusterName = context == null ? null : context.path("context").path("cluster").asText(null);
        String userName = context == null ? null : context.path("context").path("user").asText(null);
        JsonNode cluster = named(doc.path("clusters"), clusterName);
        JsonNode user = named(doc.path("users"), userName);
        if (cluster == null || user == null) {
            throw AkshException.remote("the kubeconfig AKS returned has no complete context", "retry; if it persists, report it");
        }
        String server = cluster.path("cluster").path("server").asText(null);
        String host;
        try {
            host = URI.create(server).getHost();
        } catch (RuntimeException e) {
            host = null;
        }
        if (host == null) {
            throw AkshException.remote("the kubeconfig AKS returned has no usable server address", "retry; if it persists, report it");
        }
        String tlsName = cluster.path("cluster").path("tls-server-name").asText("");
        if (!tlsName.isEmpty()) {
            host = tlsName; // the name the API server's certificate carries, whatever address reaches it
        }
        ObjectNode userBody = user.path("user").isObject() ? ((ObjectNode) user.get("user")).deepCopy() : YAML.createObjectNode();
        return new Source(server, host, cluster.path("cluster").path("certificate-authority-data").asText(null),
                userBody, kubeloginServerId(userBody));
    }

    /** For a kubelogin exec user, the {@code --server-id} it asks tokens for; else null. */
    static String kubeloginServerId(JsonNode user) {
        JsonNode exec = user.path("exec");
        if (!exec.isObject() || !exec.path("command").asText("").replace('\\', '/').matches("(.*/)?kubelogin(\\.exe)?")) {
            return null;
        }
        JsonNode args = exec.path("args");
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).asText().equals("--server-id")) {
                return args.get(i + 1).asText();
            }
        }
        return "6dae42f8-4368-4678-94ff-3960e28e3630";
    }

    /**
     * The tunnel's kubeconfig: one cluster, user and context, all called {@code name}.
     *
     * @param token a bearer token for an AAD user (in place of kubelogin), else null
     */
    public static ObjectNode forTunnel(Source s, String name, int port, String token) {
        ObjectNode kc = YAML.createObjectNode();
        kc.put("apiVersion", "v1");
        kc.put("kind", "Config");
        kc.putArray("clusters").add(clusterEntry(s, name, port));
        kc.putArray("contexts").add(contextEntry(name));
        kc.put("current-context", name);
        kc.putObject("preferences");
        kc.putArray("users").add(userEntry(s, name, token));
        return kc;
    }

    /**
     * A kubeconfig for the API server as AKS gave it (its own server address and CA), with
     * {@code user} in place of AKS's user; cluster, user and context all called {@code name}.
     */
    public static ObjectNode withUser(Source s, String name, ObjectNode user) {
        ObjectNode kc = YAML.createObjectNode();
        kc.put("apiVersion", "v1");
        kc.put("kind", "Config");
        ObjectNode e = YAML.createObjectNode();
        ObjectNode c = e.putObject("cluster");
        if (s.certificateAuthorityData() != null) {
            c.put("certificate-authority-data", s.certificateAuthorityData());
        }
        c.put("server", s.server());
        if (!s.host().equalsIgnoreCase(URI.create(s.server()).getHost())) {
            c.put("tls-server-name", s.host()); // AKS's address is not the certificate's name: keep the name
        }
        e.put("name", name);
        kc.putArray("clusters").add(e);
        kc.putArray("contexts").add(contextEntry(name));
        kc.put("current-context", name);
        kc.putObject("preferences");
        ObjectNode u = YAML.createObjectNode();
        u.put("name", name);
        u.set("user", user.deepCopy());
        kc.putArray("users").add(u);
        return kc;
    }

    /** What merging into a file did. */
    public record Merged(String previousContext, boolean replaced) {
    }

    /**
     * Merges {@code doc}'s entries called {@code name} into the kubeconfig file {@code target}
     * (created if missing, with its directory), makes that context current and writes the file
     * atomically as 0600.
     */
    public static Merged mergeFile(java.nio.file.Path target, ObjectNode doc, String name) {
        ObjectNode into;
        try {
            into = java.nio.file.Files.exists(target) ? parse(java.nio.file.Files.readAllBytes(target), target.toString())
                    : YAML.createObjectNode();
            java.nio.file.Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw AkshException.usage("cannot read " + target + ": " + e.getMessage(), "check the path and its permissions");
        }
        boolean replaced = named(into.path("contexts"), name) != null || named(into.path("clusters"), name) != null
                || named(into.path("users"), name) != null;
        String previous = merge(into, doc, name);
        PrivateFiles.write(target, bytes(into));
        return new Merged(previous, replaced);
    }

    private static ObjectNode clusterEntry(Source s, String name, int port) {
        ObjectNode e = YAML.createObjectNode();
        ObjectNode c = e.putObject("cluster");
        if (s.certificateAuthorityData() != null) {
            c.put("certificate-authority-data", s.certificateAuthorityData());
        }
        c.put("server", "https://localhost:" + port);
        c.put("tls-server-name", s.host());
        e.put("name", name);
        return e;
    }

    private static ObjectNode contextEntry(String name) {
        ObjectNode e = YAML.createObjectNode();
        e.putObject("context").put("cluster", name).put("user", name);
        e.put("name", name);
        return e;
    }

    private static ObjectNode userEntry(Source s, String name, String token) {
        ObjectNode e = YAML.createObjectNode();
        e.put("name", name);
        if (s.needsToken()) {
            e.putObject("user").put("token", token == null ? "" : token);
        } else {
            e.set("user", s.user().deepCopy());
        }
        return e;
    }

    /**
     * Merges the tunnel's entries (all named {@code name}) into {@code target}, replacing entries of
     * that name, and makes its context current.
     *
     * @return the context that was current before, or null
     */
    public static String merge(ObjectNode target, ObjectNode tunnel, String name) {
        String previous = target.path("current-context").asText(null);
        if (!target.has("apiVersion")) {
            target.put("apiVersion", "v1");
        }
        if (!target.has("kind")) {
            target.put("kind", "Config");
        }
        for (String section : new String[] {"clusters", "contexts", "users"}) {
            ArrayNode list = target.path(section).isArray() ? (ArrayNode) target.get(section) : target.putArray(section);
            removeNamed(list, name);
            list.add(named(tunnel.path(section), name).deepCopy());
        }
        target.put("current-context", name);
        return name.equals(previous) ? null : previous;
    }

    /** Takes the entries named {@code name} out again; if its context is current, {@code previous} becomes current. */
    public static void remove(ObjectNode target, String name, String previous) {
        for (String section : new String[] {"clusters", "contexts", "users"}) {
            if (target.path(section).isArray()) {
                removeNamed((ArrayNode) target.get(section), name);
            }
        }
        if (name.equals(target.path("current-context").asText(null))) {
            if (previous != null && named(target.path("contexts"), previous) != null) {
                target.put("current-context", previous);
            } else {
                target.put("current-context", "");
            }
        }
    }

    /** Replaces the user entry called {@code name} in {@code target} with the one in {@code tunnel}. */
    public static boolean replaceUser(ObjectNode target, ObjectNode tunnel, String name) {
        if (!target.path("users").isArray() || named(target.path("users"), name) == null) {
            return false;
        }
        ArrayNode users = (ArrayNode) target.get("users");
        removeNamed(users, name);
        users.add(named(tunnel.path("users"), name).deepCopy());
        return true;
    }

    static JsonNode named(JsonNode list, String name) {
        if (name == null || !list.isArray()) {
            return null;
        }
        for (JsonNode e : list) {
            if (name.equals(e.path("name").asText(null))) {
                return e;
            }
        }
        return null;
    }

    private static void removeNamed(ArrayNode list, String name) {
        for (Iterator<JsonNode> it = list.iterator(); it.hasNext(); ) {
            if (name.equals(it.next().path("name").asText(null))) {
                it.remove();
            }
        }
    }

    public static byte[] bytes(ObjectNode doc) {
        try {
            return YAML.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a kubeconfig file's text; an empty file is an empty config. */
    public static ObjectNode parse(byte[] yaml, String where) {
        try {
            JsonNode n = yaml.length == 0 ? null : YAML.readTree(yaml);
            if (n == null || n.isMissingNode() || n.isNull()) {
                return YAML.createObjectNode();
            }
            if (!n.isObject()) {
                throw AkshException.usage(where + " is not a kubeconfig (its top level is not a mapping)",
                        "give another --kubeconfig file, or fix this one");
            }
            return (ObjectNode) n;
        } catch (IOException e) {
            throw AkshException.usage(where + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                    "give another --kubeconfig file, or fix this one");
        }
    }
}
