package dev.aksh.session;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * The one place that holds the current {@link SessionContext} and tells listeners when it changes
 * (the prompt, the completion caches, the persisted store).
 */
public final class SessionState {
    private final AtomicReference<SessionContext> current;
    private final List<BiConsumer<SessionContext, SessionContext>> listeners = new CopyOnWriteArrayList<>();

    public SessionState(SessionContext initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    public SessionContext get() {
        return current.get();
    }

    /** Applies {@code change} atomically, then notifies listeners with (before, after) if it changed. */
    public SessionContext update(UnaryOperator<SessionContext> change) {
        SessionContext before;
        SessionContext after;
        do {
            before = current.get();
            after = Objects.requireNonNull(change.apply(before));
        } while (!current.compareAndSet(before, after));
        if (!before.equals(after)) {
            for (BiConsumer<SessionContext, SessionContext> l : listeners) {
                l.accept(before, after);
            }
        }
        return after;
    }

    /** Registers a listener called with (before, after) after every change. */
    public void onChange(BiConsumer<SessionContext, SessionContext> listener) {
        listeners.add(listener);
    }
}
