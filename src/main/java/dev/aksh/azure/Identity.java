package dev.aksh.azure;

import java.time.OffsetDateTime;

/**
 * Who the session acts as, from the access token's claims (never the token).
 *
 * @param kind "user" or "app"
 * @param name the user principal name, or the app id for a service principal
 * @param displayName the display name, where the token carries one
 * @param objectId the principal's object id
 * @param tenantId the tenant
 * @param source where the credential came from ("Azure CLI", "environment", …)
 * @param tokenExpires when the current token expires
 */
public record Identity(String kind, String name, String displayName, String objectId, String tenantId, String source,
        OffsetDateTime tokenExpires) {
}
