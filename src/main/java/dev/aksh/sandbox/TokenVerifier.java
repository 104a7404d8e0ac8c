package dev.aksh.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Checks bearer tokens as ARM does, with ARM's error codes and messages: missing header, not a
 * token, expired, wrong audience. Signatures are not checked (nothing in the sandbox is secret).
 */
public final class TokenVerifier {
    private final Set<String> audiences;

    public TokenVerifier(Set<String> audiences) {
        this.audiences = audiences;
    }

    /** The audiences ARM accepts. */
    public static TokenVerifier forArm() {
        return new TokenVerifier(Set.of("https://management.core.windows.net/", "https://management.core.windows.net",
                "https://management.azure.com/", "https://management.azure.com"));
    }

    /** Returns the token's claims, or throws the 401 ARM would send. */
    public JsonNode verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new ArmError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ArmError(401, "AuthenticationFailedMissingToken",
                    "Authentication failed. The 'Authorization' header is provided in an invalid format.");
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        JsonNode claims;
        try {
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            claims = ArmState.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new ArmError(401, "InvalidAuthenticationToken", "The access token is invalid.");
        }
        long exp = claims.path("exp").asLong(0);
        long now = Instant.now().getEpochSecond();
        if (exp <= now) {
            throw new ArmError(401, "ExpiredAuthenticationToken", "The access token expiry UTC time '"
                    + Instant.ofEpochSecond(exp) + "' is earlier than current UTC time '" + Instant.ofEpochSecond(now) + "'.");
        }
        String aud = claims.path("aud").asText("");
        if (!audiences.contains(aud)) {
            throw new ArmError(401, "InvalidAuthenticationTokenAudience", "The access token has been obtained for wrong "
                    + "audience or resource '" + aud + "'. It should exactly match with one of the allowed audiences "
                    + String.join(",", audiences.stream().sorted().map(a -> "'" + a + "'").toList()) + ".");
        }
        return claims;
    }
}
