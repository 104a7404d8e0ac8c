package dev.aksh.shell.commands;

import dev.aksh.azure.Cluster;
import dev.aksh.azure.Subscription;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SessionState;
import dev.aksh.shell.completion.CompletionCache;
import dev.aksh.shell.completion.Suggestion;
import dev.aksh.shell.completion.ValueCompleter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Value completers backed by the {@link CompletionCache}, and the keys they use. Commands that read
 * subscriptions or clusters anyway feed the cache through {@link #remember}.
 */
public final class Completers {
    public static final String SUBSCRIPTIONS = "subscriptions";
    public static final String CLUSTERS = "clusters";
    public static final String GROUPS = "groups";

    private final CompletionCache cache;
    private final SessionState session;

    public Completers(CompletionCache cache, SessionState session) {
        this.cache = cache;
        this.session = session;
    }

    public CompletionCache cache() {
        return cache;
    }

    public static String clustersKey(String subscriptionId) {
        return CLUSTERS + ":" + subscriptionId;
    }

    public static String groupsKey(String subscriptionId) {
        return GROUPS + ":" + subscriptionId;
    }

    /** Subscription names (and ids, described by their names). */
    public ValueCompleter subscriptions() {
        return r -> cache.get(SUBSCRIPTIONS);
    }

    /** Cluster names in the current subscription. */
    public ValueCompleter clusters() {
        return r -> {
            SessionContext c = session.get();
            return c.subscription() == null ? List.of() : cache.get(clustersKey(c.subscription().id()));
        };
    }

    /** Resource groups that hold clusters in the current subscription. */
    public ValueCompleter resourceGroups() {
        return r -> {
            SessionContext c = session.get();
            return c.subscription() == null ? List.of() : cache.get(groupsKey(c.subscription().id()));
        };
    }

    /** Stores what a command just read, so completion has it without another call. */
    public void remember(List<Subscription> subscriptions) {
        cache.put(SUBSCRIPTIONS, subscriptionSuggestions(subscriptions));
    }

    public void rememberClusters(String subscriptionId, List<Cluster> clusters) {
        cache.put(clustersKey(subscriptionId), clusterSuggestions(clusters));
        cache.put(groupsKey(subscriptionId), groupSuggestions(clusters));
    }

    public static List<Suggestion> subscriptionSuggestions(List<Subscription> subscriptions) {
        List<Suggestion> out = new ArrayList<>();
        for (Subscription s : subscriptions) {
            out.add(Suggestion.of(s.name(), s.id()));
        }
        for (Subscription s : subscriptions) {
            out.add(Suggestion.of(s.id(), s.name()));
        }
        return out;
    }

    public static List<Suggestion> clusterSuggestions(List<Cluster> clusters) {
        List<Suggestion> out = new ArrayList<>();
        for (Cluster c : clusters) {
            out.add(Suggestion.of(c.name(), c.resourceGroup() + ", " + c.access()));
        }
        return out;
    }

    public static List<Suggestion> groupSuggestions(List<Cluster> clusters) {
        Set<String> groups = new LinkedHashSet<>();
        clusters.forEach(c -> groups.add(c.resourceGroup()));
        return groups.stream().sorted(String.CASE_INSENSITIVE_ORDER).map(Suggestion::of).toList();
    }
}
