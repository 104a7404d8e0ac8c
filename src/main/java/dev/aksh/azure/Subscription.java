package dev.aksh.azure;

/** A subscription the credential can see. */
public record Subscription(String id, String name, String state, String tenantId) {
}
