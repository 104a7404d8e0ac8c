package dev.aksh.tunnel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Kubeconfig users that sign in as the operator's Azure identity without device code: kubelogin in
 * its {@code azurecli} mode, or aksh's own {@code kube-token}, both as client-go exec credential
 * plugins ({@code client.authentication.k8s.io/v1beta1}).
 */
public final class ExecCredentials {
    public static final String API_VERSION = "client.authentication.k8s.io/v1beta1";
    /** The AKS AAD server application, which tokens for AAD clusters and Fleet hubs are for. */
    public static final String AKS_SERVER_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExecCredentials() {
    }

    /** {@code kubelogin get-token --login azurecli --server-id ID}: the Azure CLI's sign-in, no prompt. */
    public static ObjectNode kubelogin(String serverId) {
        return user("kubelogin", List.of("get-token", "--login", "azurecli", "--server-id", serverId),
                dev.aksh.invoke.LocalTools.installHint("kubelogin"));
    }

    /** {@code <aksh> kube-token --server-id ID}: aksh's own credential, no prompt. */
    public static ObjectNode aksh(List<String> akshArgv, String serverId) {
        List<String> args = new java.util.ArrayList<>(akshArgv.subList(1, akshArgv.size()));
        args.addAll(List.of("kube-token", "--server-id", serverId));
        return user(akshArgv.get(0), args, "this kubeconfig runs aksh (" + akshArgv.get(0) + ") for tokens; "
                + "re-run 'fleet get-credentials' if aksh moved");
    }

    private static ObjectNode user(String command, List<String> args, String hint) {
        ObjectNode user = Kubeconfig.YAML.createObjectNode();
        ObjectNode exec = user.putObject("exec");
        exec.put("apiVersion", API_VERSION);
        exec.put("command", command);
        ArrayNode a = exec.putArray("args");
        args.forEach(a::add);
        exec.putNull("env");
        exec.put("interactiveMode", "Never");
        exec.put("provideClusterInfo", false);
        exec.put("installHint", hint);
        return user;
    }

    /** What an exec plugin prints: the token and when it expires. */
    public static String execCredential(String token, OffsetDateTime expiresAt) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("kind", "ExecCredential");
        doc.put("apiVersion", API_VERSION);
        doc.putObject("spec").put("interactive", false);
        ObjectNode status = doc.putObject("status");
        if (expiresAt != null) {
            status.put("expirationTimestamp", expiresAt.withOffsetSameInstant(ZoneOffset.UTC).withNano(0)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("+00:00", "Z"));
        }
        status.put("token", token);
        try {
            return JSON.writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
