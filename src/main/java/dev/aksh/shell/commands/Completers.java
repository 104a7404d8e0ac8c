package dev.aksh.shell.commands;

import dev.aksh.azure.Cluster;
import dev.aksh.azure.Fleet;
import dev.aksh.azure.FleetMember;
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
    public static final String FLEETS = "fleets";
    public static final String MEMBERS = "members";
    public static final String MEMBER_GROUPS = "member-groups";
    /** Member clusters of fleets read in this session, for {@code cluster use}. */
    public static final String MEMBER_CLUSTERS = "member-clusters";

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

    public static String fleetsKey(String subscriptionId) {
        return FLEETS + ":" + subscriptionId;
    }

    public static String membersKey(String fleetId) {
        return MEMBERS + ":" + fleetId;
    }

    /** The groups of a fleet's members; filled with the members (no loader of its own). */
    public static String memberGroupsKey(String fleetId) {
        return MEMBER_GROUPS + ":" + fleetId;
    }

    /**
     * Cluster names in the current subscription, and the clusters of fleet members read in this
     * session (by name in the current subscription, by resource id elsewhere).
     */
    public ValueCompleter clusters() {
        return r -> {
            SessionContext c = session.get();
            List<Suggestion> out = new ArrayList<>(c.subscription() == null ? List.of() : cache.get(clustersKey(c.subscription().id())));
            Set<String> seen = new java.util.HashSet<>();
            out.forEach(s -> seen.add(s.value().toLowerCase(java.util.Locale.ROOT)));
            for (Suggestion s : cache.has(MEMBER_CLUSTERS) ? cache.get(MEMBER_CLUSTERS) : List.<Suggestion>of()) {
                if (seen.add(s.value().toLowerCase(java.util.Locale.ROOT))) {
                    out.add(s);
                }
            }
            return out;
        };
    }

    /** Fleet names in the current subscription. */
    public ValueCompleter fleets() {
        return r -> {
            SessionContext c = session.get();
            return c.subscription() == null ? List.of() : cache.get(fleetsKey(c.subscription().id()));
        };
    }

    /** Member names of the current fleet. */
    public ValueCompleter members() {
        return r -> {
            SessionContext c = session.get();
            return c.fleet() == null ? List.of() : cache.get(membersKey(c.fleet()));
        };
    }

    /** Member groups of the current fleet. */
    public ValueCompleter memberGroups() {
        return r -> {
            SessionContext c = session.get();
            if (c.fleet() == null) {
                return List.of();
            }
            cache.get(membersKey(c.fleet())); // loads the members, and their groups with them, when missing
            return cache.has(memberGroupsKey(c.fleet())) ? cache.get(memberGroupsKey(c.fleet())) : List.of();
        };
    }

    public void rememberFleets(String subscriptionId, List<Fleet> fleets) {
        cache.put(fleetsKey(subscriptionId), fleetSuggestions(fleets));
    }

    /** Stores a fleet's members, and their clusters for {@code cluster use}. */
    public void rememberMembers(Fleet fleet, List<FleetMember> members, dev.aksh.session.SubscriptionRef current) {
        cache.put(membersKey(fleet.id()), memberSuggestions(members));
        Set<String> groups = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        members.stream().map(FleetMember::group).filter(g -> g != null && !g.isBlank()).forEach(groups::add);
        cache.put(memberGroupsKey(fleet.id()), groups.stream().map(Suggestion::of).toList());
        List<Suggestion> clusters = new ArrayList<>(cache.has(MEMBER_CLUSTERS) ? cache.get(MEMBER_CLUSTERS) : List.of());
        for (FleetMember m : members) {
            dev.aksh.session.ClusterRef ref = dev.aksh.session.ClusterRef.parseId(m.clusterId());
            if (ref == null) {
                continue;
            }
            boolean here = current != null && current.id().equalsIgnoreCase(ref.subscriptionId());
            Suggestion s = Suggestion.of(here ? ref.name() : m.clusterId(), "member " + m.name() + " of " + fleet.name());
            clusters.removeIf(x -> x.value().equalsIgnoreCase(s.value()));
            clusters.add(s);
        }
        cache.put(MEMBER_CLUSTERS, clusters);
    }

    public static List<Suggestion> fleetSuggestions(List<Fleet> fleets) {
        return fleets.stream().map(f -> Suggestion.of(f.name(), f.resourceGroup() + ", hub " + f.hubAccess())).toList();
    }

    public static List<Suggestion> memberSuggestions(List<FleetMember> members) {
        return members.stream().map(m -> Suggestion.of(m.name(), m.clusterShort()
                + (m.group() == null || m.group().isBlank() ? "" : ", group " + m.group()))).toList();
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
