package dev.aksh.session;

import java.util.Objects;

/** A subscription as the session remembers it: its id, and the name shown to the operator. */
public record SubscriptionRef(String id, String name) {
    public SubscriptionRef {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }
}
