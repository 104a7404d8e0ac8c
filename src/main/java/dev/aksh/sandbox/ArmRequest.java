package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request to the fake ARM.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path, without the query
 * @param query decoded query parameters
 * @param headers request headers, keys lower case
 * @param body the JSON body, or null
 * @param baseUrl {@code https://127.0.0.1:PORT} (no trailing slash), for absolute links
 */
public record ArmRequest(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
        JsonNode body, String baseUrl) {

    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String apiVersion() {
        return query.get("api-version");
    }

    /** A URL on this server, keeping the caller's api-version. */
    public String link(String path, Map<String, String> extraQuery) {
        StringBuilder sb = new StringBuilder(baseUrl).append(path).append("?api-version=").append(apiVersion());
        new TreeMap<>(extraQuery).forEach((k, v) -> sb.append('&').append(k).append('=').append(v));
        return sb.toString();
    }
}
