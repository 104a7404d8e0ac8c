package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sandbox's sign-in service, shaped as AD FS serves it under {@code /adfs}: an OpenID
 * configuration, and a token endpoint that gives the world's service principal JWT-shaped tokens
 * for client credentials (MSAL, and so the Azure CLI, take an {@code …/adfs} authority without
 * asking Entra ID's discovery service first). Wrong credentials get {@code invalid_client}, as
 * from Entra ID.
 */
final class SignIn {
    static final String PATH = "/adfs";
    static final String TOKEN_PATH = PATH + "/oauth2/token";
    private final ArmState state;
    private final Supplier<String> baseUrl;

    SignIn(ArmState state, Supplier<String> baseUrl) {
        this.state = state;
        this.baseUrl = baseUrl;
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().replaceAll("/+$", "");
        try {
            if (path.equalsIgnoreCase(PATH + "/.well-known/openid-configuration") && ex.getRequestMethod().equals("GET")) {
                send(ex, 200, openIdConfiguration());
            } else if (path.equalsIgnoreCase(TOKEN_PATH) && ex.getRequestMethod().equals("POST")) {
                token(ex);
            } else {
                send(ex, 404, error("invalid_request", "The sandbox sign-in service has no " + ex.getRequestMethod() + " "
                        + path + "."));
            }
        } finally {
            ex.close();
        }
    }

    private ObjectNode openIdConfiguration() {
        String base = baseUrl.get().replaceAll("/$", "") + PATH;
        ObjectNode c = ArmState.JSON.createObjectNode();
        c.put("issuer", base);
        c.put("authorization_endpoint", base + "/oauth2/authorize/");
        c.put("token_endpoint", base + "/oauth2/token/");
        c.put("jwks_uri", base + "/discovery/keys");
        c.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("client_secret_basic");
        c.putArray("response_types_supported").add("code").add("id_token").add("code id_token");
        c.putArray("grant_types_supported").add("client_credentials");
        c.putArray("scopes_supported").add("openid");
        c.put("access_token_issuer", "http://127.0.0.1" + PATH + "/services/trust");
        return c;
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        World world = state.world();
        World.ServicePrincipal sp = world.servicePrincipal();
        if (!"client_credentials".equals(form.get("grant_type"))) {
            send(ex, 400, error("unsupported_grant_type", "MSIS9611: The sandbox issues tokens for client_credentials only."));
            return;
        }
        if (!sp.appId().equalsIgnoreCase(String.valueOf(form.get("client_id")))
                || !sp.secret().equals(form.get("client_secret"))) {
            send(ex, 401, error("invalid_client", "MSIS9607: The client credentials are invalid (client_id or "
                    + "client_secret). 'sandbox serve' prints the sandbox's."));
            return;
        }
        // the resource's scope; the OpenID Connect ones MSAL adds (openid, profile, offline_access) name no audience
        String scope = java.util.Arrays.stream(form.getOrDefault("scope", "").split(" "))
                .filter(x -> !x.isBlank() && !java.util.Set.of("openid", "profile", "offline_access").contains(x))
                .findFirst().orElse("https://management.core.windows.net//.default");
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3600);
        String token = new SandboxCredential(world).mint(SandboxCredential.audience(scope), expires, sp.appId(), "app");
        ObjectNode body = ArmState.JSON.createObjectNode();
        body.put("token_type", "Bearer");
        body.put("expires_in", 3599);
        body.put("ext_expires_in", 3599);
        body.put("access_token", token);
        send(ex, 200, body);
    }

    private static ObjectNode error(String code, String description) {
        return ArmState.JSON.createObjectNode().put("error", code).put("error_description", description);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
