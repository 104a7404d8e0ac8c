package dev.aksh.ranges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of authorized ranges: what may be written, and what each change does to a list. */
class AuthorizedRangesTest {
    static final List<String> WEB = List.of("73.140.245.0/24", "137.117.106.88/29");

    static AuthorizedRanges.Plan add(List<String> current, String... entries) {
        return AuthorizedRanges.plan(AuthorizedRanges.Operation.add(AuthorizedRanges.parseToWrite(List.of(entries))), current);
    }

    static AuthorizedRanges.Plan remove(List<String> current, String... entries) {
        return AuthorizedRanges.plan(AuthorizedRanges.Operation.remove(AuthorizedRanges.parseToRemove(List.of(entries))), current);
    }

    static String refusal(Runnable r) {
        try {
            r.run();
        } catch (AkshException e) {
            return e.exitCode().code() + " " + e.oneLine();
        }
        throw new AssertionError("not refused");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "137.117.106.90/29 => 64 '137.117.106.90/29' has host bits set: a range must be given by its network address; "
                    + "use 137.117.106.88/29 (the range it is in), or 137.117.106.90/32 for that one address",
            "10.0.0.0/8 => 64 '10.0.0.0/8' is private (RFC 1918) address space: the API server sees clients by their public "
                    + "IP, so it would admit no one; give the public IP your traffic leaves from ('ranges add-my-ip' finds "
                    + "yours); for private networks, use a private cluster or API server VNet integration",
            "2001:db8::/32 => 64 '2001:db8::/32' is IPv6; API server authorized IP ranges are IPv4 only; give the IPv4 "
                    + "address your traffic leaves from ('ranges add-my-ip' finds it)",
            "0.0.0.0/0 => 64 '0.0.0.0/0' is every address: the API server sees clients by their public IP, so it would "
                    + "admit the whole internet; to let everyone in, turn the ranges off with 'ranges clear'",
            "nope => 64 'nope' is not an IPv4 address or CIDR range; give an IPv4 address (203.0.113.7) or range "
                    + "(203.0.113.0/24)"})
    void eachRefusalIsOneLineWithTheFix(String entry, String says) {
        assertThat(refusal(() -> AuthorizedRanges.parseToWrite(List.of(entry)))).isEqualTo(says);
    }

    @Test
    void theOutboundOnlyEntryStandsAlone() {
        assertThat(AuthorizedRanges.parseToWrite(List.of("0.0.0.0/32"))).hasSize(1);
        assertThat(refusal(() -> AuthorizedRanges.parseToWrite(List.of("0.0.0.0/32", "84.17.53.201"))))
                .isEqualTo("64 0.0.0.0/32 stands alone: it means 'only the cluster's own outbound IP may reach the API "
                        + "server', which other ranges would contradict; give it by itself: 'ranges set 0.0.0.0/32'");
        assertThat(refusal(() -> add(WEB, "0.0.0.0/32"))).startsWith("64 0.0.0.0/32 stands alone");
        assertThat(refusal(() -> add(List.of("0.0.0.0/32"), "84.17.53.201"))).isEqualTo("64 the list is 0.0.0.0/32 (only "
                + "the cluster's own outbound IP), which other ranges would contradict; replace it with 'ranges set RANGE…'");
    }

    @Test
    void addingKeepsEveryEntryAndSkipsWhatIsAlreadyCovered() {
        AuthorizedRanges.Plan p = add(WEB, "84.17.53.201", "73.140.245.16/28", "137.117.106.88/29", "84.17.53.201/32");
        assertThat(p.after()).containsExactly("73.140.245.0/24", "137.117.106.88/29", "84.17.53.201/32");
        assertThat(p.added()).containsExactly("84.17.53.201/32");
        assertThat(p.removed()).isEmpty();
        assertThat(p.notes()).containsExactly("84.17.53.201/32 was given twice",
                "73.140.245.16/28 is inside 73.140.245.0/24, already there", "137.117.106.88/29 is already there");
    }

    @Test
    void removingTakesOnlyExactEntriesAndNeverTheLastOne() {
        List<String> three = List.of("73.140.245.0/24", "137.117.106.88/29", "84.17.53.201/32");
        AuthorizedRanges.Plan p = remove(three, "137.117.106.88/29", "73.140.245.9", "8.8.8.8");
        assertThat(p.after()).containsExactly("73.140.245.0/24", "84.17.53.201/32");
        assertThat(p.removed()).containsExactly("137.117.106.88/29");
        assertThat(p.notes()).containsExactly("73.140.245.9/32 is not an entry: it is inside 73.140.245.0/24 (remove that "
                + "to exclude it)", "8.8.8.8/32 is not in the list");
        assertThat(refusal(() -> remove(WEB, "73.140.245.0/24", "137.117.106.88/29"))).isEqualTo("67 removing the last "
                + "range would turn authorized IP ranges off, and the API server would answer any address; to do that on "
                + "purpose, use 'ranges clear'; to replace the list, 'ranges set'");
        assertThat(refusal(() -> AuthorizedRanges.parseToRemove(List.of("137.117.106.90/29"))))
                .isEqualTo("64 '137.117.106.90/29' has host bits set, so it cannot be an entry; did you mean "
                        + "137.117.106.88/29? ('ranges show' lists the entries)");
    }

    @Test
    void setAndClearSayWhatGoesAndWhatComes() {
        AuthorizedRanges.Plan set = AuthorizedRanges.plan(AuthorizedRanges.Operation.set(
                AuthorizedRanges.parseToWrite(List.of("73.140.245.0/24", "84.17.53.0/24", "84.17.53.201"))), WEB);
        assertThat(set.after()).containsExactly("73.140.245.0/24", "84.17.53.0/24");
        assertThat(set.added()).containsExactly("84.17.53.0/24");
        assertThat(set.removed()).containsExactly("137.117.106.88/29");
        assertThat(set.notes()).containsExactly("84.17.53.201/32 is inside 84.17.53.0/24, also given");
        AuthorizedRanges.Plan clear = AuthorizedRanges.plan(AuthorizedRanges.Operation.clear(), WEB);
        assertThat(clear.after()).isEmpty();
        assertThat(clear.removed()).isEqualTo(WEB);
    }

    @Test
    void theLimitIsCheckedLocally() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add("20." + (i / 250) + "." + (i % 250) + ".0/24");
        }
        AuthorizedRanges.Plan p = add(many, "84.17.53.201");
        assertThat(refusal(() -> AuthorizedRanges.checkLimit(p, false, "aks-web"))).isEqualTo("67 aks-web would have 201 "
                + "authorized ranges; AKS allows 200 (2,000 with API server VNet integration); merge neighbouring ranges "
                + "into wider ones, or remove ranges no longer used");
        AuthorizedRanges.checkLimit(p, true, "aks-web");
    }

    @Test
    void whoIsAdmitted() {
        List<String> outbound = List.of("51.124.77.10");
        assertThat(AuthorizedRanges.admits(List.of(), "8.8.8.8", outbound)).as("ranges off").isTrue();
        assertThat(AuthorizedRanges.admits(WEB, "73.140.245.200", outbound)).isTrue();
        assertThat(AuthorizedRanges.admits(WEB, "51.124.77.10", outbound)).isFalse();
        assertThat(AuthorizedRanges.admits(List.of("0.0.0.0/32"), "51.124.77.10", outbound)).isTrue();
        assertThat(AuthorizedRanges.admits(List.of("0.0.0.0/32"), "84.17.53.201", outbound)).isFalse();
        AuthorizedRanges.Plan lockout = AuthorizedRanges.plan(AuthorizedRanges.Operation.set(
                AuthorizedRanges.parseToWrite(List.of("73.140.245.0/24"))), List.of("73.140.245.0/24", "84.17.53.201/32"));
        assertThat(AuthorizedRanges.losses(lockout, List.of(new AuthorizedRanges.Watched("84.17.53.201", "me"),
                new AuthorizedRanges.Watched("51.124.77.10", "egress")), outbound))
                .extracting(AuthorizedRanges.Watched::who).containsExactly("me");
    }

    // ------------------------------------------------------------------ properties

    static String randomRange(Random r) {
        int prefix = 20 + r.nextInt(13);
        long addr = ((long) (20 + r.nextInt(30)) << 24) | ((long) r.nextInt(4) << 16) | ((long) r.nextInt(256) << 8)
                | r.nextInt(256);
        return new Cidr(addr, prefix).network().toString();
    }

    static List<String> randomList(Random r, int n) {
        List<String> l = new ArrayList<>();
        while (l.size() < n) {
            String c = randomRange(r);
            if (!l.contains(c)) {
                l.add(c);
            }
        }
        return l;
    }

    @RepeatedTest(200)
    void addNeverLosesAnEntryCoversWhatWasAskedAndIsIdempotent() {
        Random r = new Random();
        List<String> before = randomList(r, r.nextInt(8));
        List<String> asked = randomList(r, 1 + r.nextInt(5));
        AuthorizedRanges.Plan p = AuthorizedRanges.plan(AuthorizedRanges.Operation.add(AuthorizedRanges.parseToWrite(asked)), before);
        assertThat(p.after()).containsAll(before);
        assertThat(p.removed()).isEmpty();
        for (String a : asked) {
            assertThat(p.after().stream().anyMatch(e -> Cidr.parse(e).contains(Cidr.parse(a)))).as(a + " covered").isTrue();
        }
        assertThat(new HashSet<>(p.after())).hasSameSizeAs(p.after());
        AuthorizedRanges.Plan again = AuthorizedRanges.plan(AuthorizedRanges.Operation.add(AuthorizedRanges.parseToWrite(asked)),
                p.after());
        assertThat(again.changes()).isFalse();
    }

    @RepeatedTest(200)
    void removeTakesExactlyWhatWasAskedAndIsIdempotent() {
        Random r = new Random();
        List<String> before = randomList(r, 2 + r.nextInt(8));
        List<String> asked = new ArrayList<>(before.subList(0, 1 + r.nextInt(before.size() - 1)));
        asked.add(randomRange(r));
        AuthorizedRanges.Plan p = AuthorizedRanges.plan(AuthorizedRanges.Operation.remove(AuthorizedRanges.parseToRemove(asked)),
                before);
        Set<String> expected = new HashSet<>(before);
        asked.forEach(expected::remove);
        assertThat(new HashSet<>(p.after())).isEqualTo(expected);
        AuthorizedRanges.Plan again = AuthorizedRanges.plan(AuthorizedRanges.Operation.remove(AuthorizedRanges.parseToRemove(asked)),
                p.after());
        assertThat(again.changes()).isFalse();
    }

    @RepeatedTest(100)
    void twoOperatorsAddingOneAfterTheOtherBothKeepTheirEntries() {
        Random r = new Random();
        List<String> base = randomList(r, r.nextInt(5));
        List<String> mine = randomList(r, 1 + r.nextInt(3));
        List<String> theirs = randomList(r, 1 + r.nextInt(3));
        // they write first; my change, re-planned on their version after the 412, keeps their entries
        List<String> afterTheirs = AuthorizedRanges.plan(AuthorizedRanges.Operation.add(AuthorizedRanges.parseToWrite(theirs)), base).after();
        List<String> afterMine = AuthorizedRanges.plan(AuthorizedRanges.Operation.add(AuthorizedRanges.parseToWrite(mine)), afterTheirs).after();
        for (String e : concat(base, mine, theirs)) {
            assertThat(afterMine.stream().anyMatch(x -> Cidr.parse(x).contains(Cidr.parse(e)))).as(e).isTrue();
        }
    }

    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        List<String> out = new ArrayList<>();
        for (List<String> l : lists) {
            out.addAll(l);
        }
        return out;
    }

    @Test
    void refusalsAreUsageOrRefusedExitCodes() {
        assertThatThrownBy(() -> AuthorizedRanges.parseToWrite(List.of("10.0.0.0/8")))
                .isInstanceOfSatisfying(AkshException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }
}
