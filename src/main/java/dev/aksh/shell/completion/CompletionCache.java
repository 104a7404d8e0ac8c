package dev.aksh.shell.completion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Values for completion (subscriptions, clusters, …) kept in memory and refreshed in the background.
 * {@link #get} answers at once with what it has, even if stale or empty, and starts a refresh when
 * needed: a keystroke never waits on the network. Commands that fetch the same data anyway
 * {@link #put} it here.
 *
 * <p>Keys are {@code kind} or {@code kind:parameter} ({@code clusters:<subscription id>}); each kind
 * has a loader taking the parameter.
 */
public final class CompletionCache {

    private record Entry(List<Suggestion> values, Instant loaded) {
    }

    private final Executor background;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Function<String, List<Suggestion>>> loaders = new ConcurrentHashMap<>();
    private final Map<String, Duration> ttls = new ConcurrentHashMap<>();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Boolean> loading = new ConcurrentHashMap<>();
    private volatile Throwable lastFailure;

    public CompletionCache(Executor background, Clock clock, Duration ttl) {
        this.background = background;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Declares how to load values of a kind; the loader gets the key's parameter (or null). */
    public void define(String kind, Function<String, List<Suggestion>> loader) {
        loaders.put(kind, loader);
    }

    /** Like {@link #define(String, Function)}, with how long values of this kind stay fresh. */
    public void define(String kind, Function<String, List<Suggestion>> loader, Duration ttl) {
        loaders.put(kind, loader);
        ttls.put(kind, ttl);
    }

    /** What is known for {@code key} now; starts a background refresh if missing or stale. */
    public List<Suggestion> get(String key) {
        Entry e = entries.get(key);
        int colon = key.indexOf(':');
        Duration fresh = ttls.getOrDefault(colon < 0 ? key : key.substring(0, colon), ttl);
        if (e == null || Duration.between(e.loaded(), clock.instant()).compareTo(fresh) > 0) {
            refresh(key);
        }
        return e == null ? List.of() : e.values();
    }

    /** Whether anything has been loaded for {@code key}. */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Replaces the values for {@code key} with ones a command just read. */
    public void put(String key, List<Suggestion> values) {
        entries.put(key, new Entry(List.copyOf(values), clock.instant()));
    }

    /** Starts loading {@code key} in the background unless a load is already running. */
    public void refresh(String key) {
        int colon = key.indexOf(':');
        String kind = colon < 0 ? key : key.substring(0, colon);
        String param = colon < 0 ? null : key.substring(colon + 1);
        Function<String, List<Suggestion>> loader = loaders.get(kind);
        if (loader == null || loading.putIfAbsent(key, Boolean.TRUE) != null) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    put(key, loader.apply(param));
                } catch (RuntimeException ex) {
                    lastFailure = ex; // completion never prints; 'stacktrace' and --debug can show it
                } finally {
                    loading.remove(key);
                }
            });
        } catch (RuntimeException rejected) {
            loading.remove(key);
        }
    }

    /** Forgets every value (what they described has changed); the next look loads again. */
    public void clear() {
        entries.clear();
    }

    /** The last loader failure, or null. */
    public Throwable lastFailure() {
        return lastFailure;
    }
}
