package dev.aksh.sandbox;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import reactor.core.publisher.Mono;

/**
 * The sandbox identity: a credential that issues JWT-shaped access tokens for the world's fake
 * user, for whatever scope is asked. The fake servers check these tokens the way Azure checks real
 * ones (present, not expired, for the right audience); nothing checks a signature.
 */
public final class SandboxCredential implements TokenCredential {
    /** The Azure CLI's public client id: sandbox tokens look like tokens from an {@code az login}. */
    static final String CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    private final World world;
    private final Duration lifetime;

    public SandboxCredential(World world) {
        this(world, Duration.ofHours(1));
    }

    /** A credential whose tokens live {@code lifetime} (negative for already-expired tokens, in tests). */
    public SandboxCredential(World world, Duration lifetime) {
        this.world = world;
        this.lifetime = lifetime;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        String scope = request.getScopes().isEmpty() ? "https://management.core.windows.net//.default"
                : request.getScopes().get(0);
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(lifetime);
        return new AccessToken(mint(audience(scope), expires), expires);
    }

    /** The audience a token for {@code scope} carries: the scope without {@code /.default}. */
    static String audience(String scope) {
        String aud = scope.endsWith("/.default") ? scope.substring(0, scope.length() - "/.default".length()) : scope;
        return aud.endsWith("//") ? aud.substring(0, aud.length() - 1) : aud;
    }

    String mint(String audience, OffsetDateTime expires) {
        return mint(audience, expires, CLIENT_ID, "user");
    }

    /** A token as Entra ID issues one to {@code appId}; {@code idtyp} is "user" or "app". */
    String mint(String audience, OffsetDateTime expires, String appId, String idtyp) {
        long now = System.currentTimeMillis() / 1000;
        ObjectNode h = ArmState.JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256").put("kid", "aksh-sandbox");
        ObjectNode p = ArmState.JSON.createObjectNode();
        p.put("aud", audience);
        p.put("iss", "https://sts.windows.net/" + world.tenant().id() + "/");
        p.put("iat", now);
        p.put("nbf", now);
        p.put("exp", expires.toEpochSecond());
        p.put("appid", appId);
        p.put("idtyp", idtyp);
        p.put("name", world.identity().displayName());
        p.put("oid", world.identity().objectId());
        p.put("scp", "user_impersonation");
        p.put("tid", world.tenant().id());
        p.put("unique_name", world.identity().user());
        p.put("upn", world.identity().user());
        p.put("ver", "1.0");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(h.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(p.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("aksh-sandbox-unsigned".getBytes(StandardCharsets.UTF_8));
    }
}
