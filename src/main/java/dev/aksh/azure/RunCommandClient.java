package dev.aksh.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpHeaders;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.resourcemanager.containerservice.fluent.models.RunCommandResultInner;
import com.azure.resourcemanager.containerservice.models.RunCommandRequest;
import dev.aksh.error.AkshException;
import dev.aksh.session.ClusterRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AKS command invoke over ARM: {@code POST …/runCommand}, then {@code GET …/commandResults/{id}}
 * (202 while running, 200 when done), with the SDK's models through the session's pipeline. The
 * caller decides when to poll.
 */
public final class RunCommandClient {
    /** The AKS AAD server app: a cluster token is a token for this scope. */
    public static final String AKS_AAD_SCOPE = "6dae42f8-4368-4678-94ff-3960e28e3630/.default";
    private static final Pattern COMMAND_ID = Pattern.compile("commandResults/([^/?]+)", Pattern.CASE_INSENSITIVE);

    /** A submitted command: its id, or the result when the service answered at once. */
    public record Submitted(String commandId, RunResult result, Duration retryAfter) {
    }

    /** One look at a command: still running (with ARM's Retry-After, if any), or its result. */
    public record Polled(RunResult result, Duration retryAfter) {
        public boolean done() {
            return result != null;
        }
    }

    /**
     * The api-version azure-resourcemanager-containerservice 2.56.1 uses for these operations. The
     * SDK's synchronous methods are its asynchronous ones plus block(); under many concurrent polls
     * (fleet invoke) on the JDK HTTP client their answers now and then arrived ~0.5 s late, while
     * the pipeline's synchronous send did not — so these two hot calls go through {@link ArmRest}
     * with the SDK's own request and result models.
     */
    static final String API_VERSION = "2025-09-01";

    private final AzureClients clients;
    private final ArmRest arm;

    public RunCommandClient(AzureClients clients) {
        this.clients = clients;
        this.arm = ArmRest.of(clients);
    }

    /** A token for the cluster's AAD server app, for AAD-managed clusters. Never printed. */
    public String clusterToken() {
        return clients.token(AKS_AAD_SCOPE).getToken();
    }

    /**
     * The cluster token, fetched ahead while the cluster is looked up, after the ARM token that
     * lookup waits for: on a cold start the two would otherwise queue behind each other in the
     * credential, the one needed first not always first.
     */
    public void prefetchClusterToken() {
        clients.token(clients.armScope());
        clients.token(AKS_AAD_SCOPE);
    }

    public Submitted submit(ClusterRef ref, String command, String context, String clusterToken) {
        RunCommandRequest request = new RunCommandRequest().withCommand(command);
        if (context != null && !context.isEmpty()) {
            request.withContext(context);
        }
        if (clusterToken != null) {
            request.withClusterToken(clusterToken);
        }
        ArmRest.Answer r = arm.exchange(HttpMethod.POST, ref.id() + "/runCommand", API_VERSION, json(request));
        Duration retryAfter = retryAfter(r.headers());
        if (r.status() == 200) {
            RunResult result = toResult(parse(r.body()));
            return new Submitted(result.id(), result, retryAfter);
        }
        String location = r.headers().getValue(HttpHeaderName.LOCATION);
        Matcher m = location == null ? null : COMMAND_ID.matcher(location);
        if (m == null || !m.find()) {
            throw AkshException.remote("ARM accepted the command but gave no commandResults location (status "
                    + r.status() + ")", "retry, or check the cluster in the portal");
        }
        return new Submitted(m.group(1), null, retryAfter);
    }

    public Polled poll(ClusterRef ref, String commandId) {
        ArmRest.Answer r = arm.exchange(HttpMethod.GET, ref.id() + "/commandResults/" + commandId, API_VERSION, null);
        if (r.status() == 202 || r.body() == null || r.body().isEmpty()) {
            return new Polled(null, retryAfter(r.headers()));
        }
        return new Polled(toResult(parse(r.body())), null);
    }

    static RunResult toResult(RunCommandResultInner i) {
        return new RunResult(i.id(), i.provisioningState(), i.exitCode(), i.startedAt(), i.finishedAt(), i.logs(), i.reason());
    }

    private static String json(RunCommandRequest request) {
        try {
            return request.toJsonString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunCommandResultInner parse(com.fasterxml.jackson.databind.JsonNode body) {
        try (JsonReader reader = JsonProviders.createReader(body.toString())) {
            return RunCommandResultInner.fromJson(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers) {
        String v = headers.getValue(HttpHeaderName.RETRY_AFTER);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(OffsetDateTime.now(),
                        ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
