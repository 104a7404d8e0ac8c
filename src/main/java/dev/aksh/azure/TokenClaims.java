package dev.aksh.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the claims of a JWT access token to say who the operator is. The token itself is never
 * printed, logged or kept: only these claims leave this class.
 */
public record TokenClaims(String name, String upn, String appId, String objectId, String tenantId, String idType) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses the payload of a JWT; fields the token lacks are null. Throws if it is not a JWT. */
    public static TokenClaims parse(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("the access token is not a JWT");
        }
        try {
            JsonNode p = JSON.readTree(new String(Base64.getUrlDecoder().decode(pad(parts[1])), StandardCharsets.UTF_8));
            String upn = text(p, "upn");
            if (upn == null) {
                upn = text(p, "unique_name");
            }
            if (upn == null) {
                upn = text(p, "preferred_username");
            }
            return new TokenClaims(text(p, "name"), upn, text(p, "appid") != null ? text(p, "appid") : text(p, "azp"),
                    text(p, "oid"), text(p, "tid"), text(p, "idtyp"));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the access token's claims cannot be read", e);
        }
    }

    /** "user" for a person, "app" for a service principal or managed identity. */
    public String kind() {
        if ("app".equalsIgnoreCase(idType) || (upn == null && appId != null)) {
            return "app";
        }
        return "user";
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String pad(String s) {
        int rem = s.length() % 4;
        return rem == 0 ? s : s + "=".repeat(4 - rem);
    }
}
