package dev.aksh.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * ARM calls for services whose SDK is not on the mirror (Fleet, role assignments), over the same
 * azure-core pipeline as every manager — same credential, retry with Retry-After on 429 and 5xx,
 * logging. Errors become {@link ManagementException}s with ARM's code and message, as the SDK's are.
 */
public final class ArmRest {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<HttpPipeline> pipeline;
    private final Supplier<String> endpoint;

    public ArmRest(Supplier<HttpPipeline> pipeline, Supplier<String> endpoint) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
    }

    public static ArmRest of(AzureClients clients) {
        return new ArmRest(clients::pipeline, () -> clients.endpoints().resourceManager());
    }

    /** GET a resource path ({@code /subscriptions/…}) at {@code apiVersion}. */
    public JsonNode get(String path, String apiVersion) {
        return send(HttpMethod.GET, url(path, apiVersion, null), null);
    }

    /** GET with a {@code $filter}. */
    public JsonNode get(String path, String apiVersion, String filter) {
        return send(HttpMethod.GET, url(path, apiVersion, filter), null);
    }

    /** POST an action with an empty body. */
    public JsonNode post(String path, String apiVersion) {
        return send(HttpMethod.POST, url(path, apiVersion, null), "{}");
    }

    /** Every item of a list, following {@code nextLink}. */
    public List<JsonNode> list(String path, String apiVersion, String filter) {
        List<JsonNode> out = new ArrayList<>();
        String next = url(path, apiVersion, filter);
        int pages = 0;
        while (next != null && pages++ < 1000) {
            JsonNode page = send(HttpMethod.GET, next, null);
            page.path("value").forEach(out::add);
            JsonNode link = page.path("nextLink");
            next = link.isTextual() && !link.asText().isBlank() ? link.asText() : null;
        }
        return out;
    }

    /** A 2xx answer: its status, headers and JSON body (empty object when there is none). */
    public record Answer(int status, com.azure.core.http.HttpHeaders headers, JsonNode body) {
    }

    /**
     * Sends {@code method} to a resource path with an optional JSON body and returns any 2xx answer
     * with its headers (for 202 + Location, Retry-After); other statuses throw ARM's error.
     */
    public Answer exchange(HttpMethod method, String path, String apiVersion, String jsonBody) {
        return sendFull(method, url(path, apiVersion, null), jsonBody);
    }

    private String url(String path, String apiVersion, String filter) {
        String base = endpoint.get();
        String p = path.startsWith("/") ? path.substring(1) : path;
        StringBuilder u = new StringBuilder(base.endsWith("/") ? base : base + "/").append(encodePath(p))
                .append("?api-version=").append(apiVersion);
        if (filter != null) {
            u.append("&$filter=").append(java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return u.toString();
    }

    private static String encodePath(String p) {
        return p.replace(" ", "%20");
    }

    private JsonNode send(HttpMethod method, String url, String body) {
        return sendFull(method, url, body).body();
    }

    private Answer sendFull(HttpMethod method, String url, String body) {
        HttpRequest req = new HttpRequest(method, url);
        req.setHeader(HttpHeaderName.ACCEPT, "application/json");
        if (body != null) {
            req.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            req.setBody(body);
        }
        try (HttpResponse res = pipeline.get().sendSync(req, Context.NONE)) {
            String text = res.getBodyAsBinaryData() == null ? "" : res.getBodyAsBinaryData().toString();
            int status = res.getStatusCode();
            if (status >= 200 && status < 300) {
                return new Answer(status, res.getHeaders(), text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
            }
            String code = "HttpError" + status;
            String message = text.isBlank() ? "status " + status : text;
            try {
                JsonNode err = JSON.readTree(text).path("error");
                if (err.isObject()) {
                    code = err.path("code").asText(code);
                    message = err.path("message").asText(message);
                }
            } catch (IOException ignored) {
                // not JSON: the text is the message
            }
            throw new ManagementException(message, res, new ManagementError(code, message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
