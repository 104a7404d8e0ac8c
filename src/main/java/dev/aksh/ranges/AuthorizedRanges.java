package dev.aksh.ranges;

import dev.aksh.error.AkshException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of API server authorized IP ranges, pure: what operators may write, what an add,
 * remove, set or clear does to a list (nothing anyone else wrote is lost), the service's limits,
 * and who loses access.
 */
public final class AuthorizedRanges {
    /** AKS's limit, and the limit with API server VNet integration (seed 004). */
    public static final int LIMIT = 200;
    public static final int LIMIT_VNET_INTEGRATION = 2000;
    /** The special entry: only the cluster's own outbound IP may reach the API server. */
    public static final String OUTBOUND_ONLY = "0.0.0.0/32";

    private AuthorizedRanges() {
    }

    public enum Kind {
        ADD, REMOVE, SET, CLEAR
    }

    /** An operation on the list: re-applied as it is to a fresh read when someone else wrote meanwhile. */
    public record Operation(Kind kind, List<Cidr> entries) {
        public Operation {
            entries = List.copyOf(entries);
        }

        public static Operation add(List<Cidr> e) {
            return new Operation(Kind.ADD, e);
        }

        public static Operation remove(List<Cidr> e) {
            return new Operation(Kind.REMOVE, e);
        }

        public static Operation set(List<Cidr> e) {
            return new Operation(Kind.SET, e);
        }

        public static Operation clear() {
            return new Operation(Kind.CLEAR, List.of());
        }
    }

    /**
     * What an operation does to a list.
     *
     * @param notes what was skipped and why (duplicates, ranges inside wider ones, entries not there)
     */
    public record Plan(List<String> before, List<String> after, List<String> added, List<String> removed,
            List<String> notes) {
        public boolean changes() {
            return !added.isEmpty() || !removed.isEmpty();
        }
    }

    /** Someone whose access is watched: this machine, the cluster's egress. */
    public record Watched(String ip, String who) {
    }

    // ------------------------------------------------------------------ input

    /**
     * Reads what an operator typed into entries to write: IPv4 CIDRs or bare addresses (/32),
     * network addresses only, public only, {@code 0.0.0.0/32} alone. The first problem is one line
     * with the fix.
     */
    public static List<Cidr> parseToWrite(List<String> texts) {
        List<Cidr> out = new ArrayList<>();
        for (String t : texts) {
            Cidr c = parse(t);
            if (c.hasHostBits()) {
                throw AkshException.usage("'" + t.trim() + "' has host bits set: a range must be given by its network address",
                        "use " + c.network() + " (the range it is in)" + (c.prefix() < 32 ? ", or " + Cidr.format(c.address())
                                + "/32 for that one address" : ""));
            }
            if (c.toString().equals(OUTBOUND_ONLY)) {
                out.add(c);
                continue;
            }
            String reserved = c.reserved();
            if (reserved != null) {
                throw AkshException.usage("'" + t.trim() + "' is " + (c.prefix() == 0 ? "every address" : reserved
                        + " address space") + ": the API server sees clients by their public IP, so it would admit "
                        + (c.prefix() == 0 ? "the whole internet" : "no one"),
                        c.prefix() == 0 ? "to let everyone in, turn the ranges off with 'ranges clear'"
                                : "give the public IP your traffic leaves from ('ranges add-my-ip' finds yours); for "
                                        + "private networks, use a private cluster or API server VNet integration");
            }
            out.add(c);
        }
        if (out.stream().anyMatch(c -> c.toString().equals(OUTBOUND_ONLY)) && out.size() > 1) {
            throw AkshException.usage(OUTBOUND_ONLY + " stands alone: it means 'only the cluster's own outbound IP may reach "
                    + "the API server', which other ranges would contradict", "give it by itself: 'ranges set " + OUTBOUND_ONLY + "'");
        }
        return out;
    }

    /** Reads entries to remove: any IPv4 CIDR or address; host bits are pointed out, not guessed. */
    public static List<Cidr> parseToRemove(List<String> texts) {
        List<Cidr> out = new ArrayList<>();
        for (String t : texts) {
            Cidr c = parse(t);
            if (c.hasHostBits()) {
                throw AkshException.usage("'" + t.trim() + "' has host bits set, so it cannot be an entry",
                        "did you mean " + c.network() + "? ('ranges show' lists the entries)");
            }
            out.add(c);
        }
        return out;
    }

    private static Cidr parse(String t) {
        try {
            return Cidr.parse(t);
        } catch (Cidr.Invalid e) {
            throw AkshException.usage(e.getMessage(), t.contains(":")
                    ? "give the IPv4 address your traffic leaves from ('ranges add-my-ip' finds it)"
                    : "give an IPv4 address (203.0.113.7) or range (203.0.113.0/24)");
        }
    }

    // ------------------------------------------------------------------ plans

    /** What {@code op} does to {@code current}; refuses what would make no sense. */
    public static Plan plan(Operation op, List<String> current) {
        List<String> before = List.copyOf(current);
        List<String> notes = new ArrayList<>();
        return switch (op.kind()) {
            case ADD -> planAdd(op.entries(), before, notes);
            case REMOVE -> planRemove(op.entries(), before, notes);
            case SET -> planSet(op.entries(), before, notes);
            case CLEAR -> new Plan(before, List.of(), List.of(), before, notes);
        };
    }

    private static Plan planAdd(List<Cidr> entries, List<String> before, List<String> notes) {
        boolean outboundOnly = before.size() == 1 && before.get(0).equals(OUTBOUND_ONLY);
        if (entries.stream().anyMatch(c -> c.toString().equals(OUTBOUND_ONLY)) && !before.isEmpty() && !outboundOnly) {
            throw AkshException.usage(OUTBOUND_ONLY + " stands alone: it means 'only the cluster's own outbound IP', which the "
                    + before.size() + " existing ranges contradict", "replace the list with 'ranges set " + OUTBOUND_ONLY + "'");
        }
        if (outboundOnly && entries.stream().anyMatch(c -> !c.toString().equals(OUTBOUND_ONLY))) {
            throw AkshException.usage("the list is " + OUTBOUND_ONLY + " (only the cluster's own outbound IP), which other ranges "
                    + "would contradict", "replace it with 'ranges set RANGE…'");
        }
        List<String> after = new ArrayList<>(before);
        List<String> added = new ArrayList<>();
        for (Cidr c : dedupe(entries, notes, true)) {
            String s = c.toString();
            String holder = holder(after, c);
            if (holder != null) {
                notes.add(holder.equals(s) ? s + " is already there" : s + " is inside " + holder + ", already there");
                continue;
            }
            after.add(s);
            added.add(s);
        }
        return new Plan(before, List.copyOf(after), List.copyOf(added), List.of(), notes);
    }

    private static Plan planRemove(List<Cidr> entries, List<String> before, List<String> notes) {
        List<String> after = new ArrayList<>(before);
        List<String> removed = new ArrayList<>();
        for (Cidr c : dedupe(entries, notes, false)) {
            String match = null;
            for (String e : after) {
                if (sameRange(e, c)) {
                    match = e;
                    break;
                }
            }
            if (match != null) {
                after.remove(match);
                removed.add(match);
                continue;
            }
            String holder = holder(after, c);
            notes.add(holder != null ? c + " is not an entry: it is inside " + holder + " (remove that to exclude it)"
                    : c + " is not in the list");
        }
        if (after.isEmpty() && !before.isEmpty()) {
            throw AkshException.refused("removing the last range would turn authorized IP ranges off, and the API server "
                    + "would answer any address", "to do that on purpose, use 'ranges clear'; to replace the list, 'ranges set'");
        }
        return new Plan(before, List.copyOf(after), List.of(), List.copyOf(removed), notes);
    }

    private static Plan planSet(List<Cidr> entries, List<String> before, List<String> notes) {
        List<String> after = new ArrayList<>();
        for (Cidr c : dedupe(entries, notes, true)) {
            String holder = holder(after, c);
            if (holder != null) {
                notes.add(c + " is inside " + holder);
                continue;
            }
            after.add(c.toString());
        }
        List<String> added = new ArrayList<>();
        for (String a : after) {
            if (before.stream().noneMatch(b -> sameText(a, b))) {
                added.add(a);
            }
        }
        List<String> removed = new ArrayList<>();
        for (String b : before) {
            if (after.stream().noneMatch(a -> sameText(a, b))) {
                removed.add(b);
            }
        }
        return new Plan(before, List.copyOf(after), List.copyOf(added), List.copyOf(removed), notes);
    }

    /**
     * The input without repeats (noted once) and, when {@code dropNarrower}, without entries inside a
     * wider one given in the same command.
     */
    private static List<Cidr> dedupe(List<Cidr> entries, List<String> notes, boolean dropNarrower) {
        Map<String, Cidr> seen = new LinkedHashMap<>();
        for (Cidr c : entries) {
            if (seen.putIfAbsent(c.toString(), c) != null && !notes.contains(c + " was given twice")) {
                notes.add(c + " was given twice");
            }
        }
        if (!dropNarrower) {
            return new ArrayList<>(seen.values());
        }
        // an entry inside a wider one given in the same command is noted and dropped
        List<Cidr> out = new ArrayList<>();
        for (Cidr c : seen.values()) {
            Cidr wider = null;
            for (Cidr o : seen.values()) {
                if (o != c && o.contains(c) && !o.equals(c)) {
                    wider = o;
                    break;
                }
            }
            if (wider != null && !c.toString().equals(OUTBOUND_ONLY)) {
                notes.add(c + " is inside " + wider + ", also given");
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** The entry of {@code list} that equals or contains {@code c}, or null. */
    public static String holder(List<String> list, Cidr c) {
        if (c.toString().equals(OUTBOUND_ONLY)) {
            return list.contains(OUTBOUND_ONLY) ? OUTBOUND_ONLY : null;
        }
        for (String e : list) {
            Cidr ec = tryParse(e);
            if (ec != null && !e.equals(OUTBOUND_ONLY) && ec.contains(c)) {
                return e;
            }
        }
        return null;
    }

    private static boolean sameRange(String entry, Cidr c) {
        Cidr e = tryParse(entry);
        return e != null && e.equals(c);
    }

    private static boolean sameText(String a, String b) {
        Cidr ca = tryParse(a);
        Cidr cb = tryParse(b);
        return ca != null && cb != null ? ca.equals(cb) : a.equals(b);
    }

    private static Cidr tryParse(String s) {
        try {
            return Cidr.parse(s);
        } catch (Cidr.Invalid e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ limits and access

    /** AKS's limit on the number of entries; refused before any call. */
    public static void checkLimit(Plan plan, boolean vnetIntegration, String cluster) {
        int limit = vnetIntegration ? LIMIT_VNET_INTEGRATION : LIMIT;
        if (plan.after().size() > limit) {
            throw AkshException.refused(cluster + " would have " + plan.after().size() + " authorized ranges; AKS allows "
                    + limit + (vnetIntegration ? " with API server VNet integration" : " (2,000 with API server VNet integration)"),
                    "merge neighbouring ranges into wider ones, or remove ranges no longer used");
        }
    }

    /**
     * Whether a list admits {@code ip}: an empty list admits everyone; {@code 0.0.0.0/32} admits
     * only the cluster's outbound IPs; otherwise the entries do.
     */
    public static boolean admits(List<String> list, String ip, List<String> outboundIps) {
        if (list.isEmpty()) {
            return true;
        }
        long addr = Cidr.ipv4(ip, ip);
        if (list.size() == 1 && list.get(0).equals(OUTBOUND_ONLY)) {
            return outboundIps.contains(ip);
        }
        for (String e : list) {
            Cidr c = tryParse(e);
            if (c != null && c.contains(addr)) {
                return true;
            }
        }
        return false;
    }

    /** Who had access before the plan and would not after it. */
    public static List<Watched> losses(Plan plan, List<Watched> watched, List<String> outboundIps) {
        List<Watched> out = new ArrayList<>();
        for (Watched w : watched) {
            if (admits(plan.before(), w.ip(), outboundIps) && !admits(plan.after(), w.ip(), outboundIps)) {
                out.add(w);
            }
        }
        return out;
    }
}
