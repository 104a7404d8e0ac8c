package dev.aksh.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.azure.core.util.FluxUtil;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.resourcemanager.containerservice.fluent.ManagedClustersClient;
import com.azure.resourcemanager.containerservice.fluent.models.RunCommandResultInner;
import com.azure.resourcemanager.containerservice.models.ManagedClustersGetCommandResultResponse;
import com.azure.resourcemanager.containerservice.models.RunCommandRequest;
import dev.aksh.error.AkshException;
import dev.aksh.session.ClusterRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;

/**
 * AKS command invoke over ARM: {@code POST …/runCommand}, then {@code GET …/commandResults/{id}}
 * (202 while running, 200 when done), on the SDK's service client so the request goes through the
 * session's pipeline. The caller decides when to poll.
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

    private final AzureClients clients;

    public RunCommandClient(AzureClients clients) {
        this.clients = clients;
    }

    private ManagedClustersClient api(ClusterRef ref) {
        return clients.containerService(ref.subscriptionId()).getManagedClusters();
    }

    /** A token for the cluster's AAD server app, for AAD-managed clusters. Never printed. */
    public String clusterToken() {
        return clients.token(AKS_AAD_SCOPE).getToken();
    }

    public Submitted submit(ClusterRef ref, String command, String context, String clusterToken) {
        RunCommandRequest request = new RunCommandRequest().withCommand(command);
        if (context != null && !context.isEmpty()) {
            request.withContext(context);
        }
        if (clusterToken != null) {
            request.withClusterToken(clusterToken);
        }
        Response<Flux<ByteBuffer>> r = api(ref).runCommandWithResponseAsync(ref.resourceGroup(), ref.name(), request).block();
        if (r == null) {
            throw AkshException.remote("ARM gave no answer to the run command request", "retry");
        }
        Duration retryAfter = retryAfter(r.getHeaders());
        if (r.getStatusCode() == 200) {
            byte[] body = FluxUtil.collectBytesInByteBufferStream(r.getValue()).block();
            RunResult result = toResult(parse(body));
            return new Submitted(result.id(), result, retryAfter);
        }
        String location = r.getHeaders().getValue(HttpHeaderName.LOCATION);
        Matcher m = location == null ? null : COMMAND_ID.matcher(location);
        if (m == null || !m.find()) {
            throw AkshException.remote("ARM accepted the command but gave no commandResults location (status "
                    + r.getStatusCode() + ")", "retry, or check the cluster in the portal");
        }
        return new Submitted(m.group(1), null, retryAfter);
    }

    public Polled poll(ClusterRef ref, String commandId) {
        ManagedClustersGetCommandResultResponse r = api(ref).getCommandResultWithResponse(ref.resourceGroup(), ref.name(),
                commandId, Context.NONE);
        if (r.getStatusCode() == 202 || r.getValue() == null) {
            return new Polled(null, retryAfter(r.getHeaders()));
        }
        return new Polled(toResult(r.getValue()), null);
    }

    static RunResult toResult(RunCommandResultInner i) {
        return new RunResult(i.id(), i.provisioningState(), i.exitCode(), i.startedAt(), i.finishedAt(), i.logs(), i.reason());
    }

    private static RunCommandResultInner parse(byte[] body) {
        try (JsonReader reader = JsonProviders.createReader(body)) {
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
