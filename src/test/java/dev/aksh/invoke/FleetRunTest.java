package dev.aksh.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aksh.azure.FleetMember;
import dev.aksh.error.AkshException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import static dev.aksh.testing.Errors.oneLine;

/** The work queue behind 'fleet invoke': bounded, ordered, counted, cancellable; and member selection. */
class FleetRunTest {

    static List<FleetRun.Target> targets(int n) {
        List<FleetRun.Target> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new FleetRun.Target(String.format("member-%02d", i), "rg/aks-" + i));
        }
        return out;
    }

    static final FleetRun.Listener QUIET = (o, done, total, failures) -> { };

    @Test
    void neverRunsMoreThanParallelAtOnceAndReturnsOutcomesInMemberOrder() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<String> completionOrder = Collections.synchronizedList(new ArrayList<>());
        FleetRun.Summary s = FleetRun.run(targets(20), 4, t -> {
            int now = running.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            Thread.sleep(20 + (t.member().hashCode() & 15));
            running.decrementAndGet();
            return FleetRun.Outcome.ran(t, "run-command", 0, t.member() + "\n", "", null);
        }, (o, done, total, failures) -> completionOrder.add(o.target().member()));
        assertThat(peak.get()).isEqualTo(4);
        assertThat(s.outcomes()).extracting(o -> o.target().member()).isEqualTo(targets(20).stream().map(FleetRun.Target::member).toList());
        assertThat(s.outcomes()).allSatisfy(o -> assertThat(o.took()).isPositive());
        assertThat(completionOrder).hasSize(20).containsExactlyInAnyOrderElementsOf(targets(20).stream().map(FleetRun.Target::member).toList());
        assertThat(s.count(FleetRun.Status.SUCCEEDED)).isEqualTo(20);
        assertThat(s.cancelled()).isFalse();
    }

    @Test
    void countsFailuresAsTheyComeAndTurnsAThrowingRunnerIntoAnError() {
        List<String> progress = new ArrayList<>();
        FleetRun.Summary s = FleetRun.run(targets(5), 1, t -> switch (t.member()) {
            case "member-02" -> FleetRun.Outcome.ran(t, "run-command", 3, "", "boom\n", null);
            case "member-04" -> throw new IllegalStateException("cluster gone");
            default -> FleetRun.Outcome.ran(t, "tunnel", 0, "ok\n", "", null);
        }, (o, done, total, failures) -> progress.add(done + "/" + total + " failures " + failures));
        assertThat(progress).containsExactly("1/5 failures 0", "2/5 failures 1", "3/5 failures 1", "4/5 failures 2",
                "5/5 failures 2");
        assertThat(s.failures()).extracting(o -> o.target().member() + " " + o.status() + " " + o.exitCode() + " " + o.error())
                .containsExactly("member-02 FAILED 3 null", "member-04 ERROR null cluster gone");
    }

    @Test
    void ctrlCCancelsWhatHasNotStartedAndStopsWhatRuns() throws Exception {
        CountDownLatch twoRunning = new CountDownLatch(2);
        AtomicReference<FleetRun.Summary> result = new AtomicReference<>();
        AtomicReference<String> cancelling = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        AtomicInteger started = new AtomicInteger();
        Thread caller = new Thread(() -> {
            result.set(FleetRun.run(targets(10), 2, t -> {
                started.incrementAndGet();
                twoRunning.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return new FleetRun.Outcome(t, FleetRun.Status.STOPPED, "run-command", null, "", "",
                            "stopped waiting for command abc on " + t.cluster(), null);
                }
                return FleetRun.Outcome.ran(t, "run-command", 0, "", "", null);
            }, new FleetRun.Listener() {
                @Override
                public void finished(FleetRun.Outcome o, int done, int total, int failures) {
                }

                @Override
                public void cancelling(int notStarted, int running) {
                    cancelling.set(notStarted + " not started, " + running + " running");
                }
            }));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(twoRunning.await(10, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        caller.interrupt();
        caller.join(10_000);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("Ctrl-C answers at once").isLessThan(Duration.ofSeconds(2));
        FleetRun.Summary s = result.get();
        assertThat(s.cancelled()).isTrue();
        assertThat(cancelling.get()).isEqualTo("8 not started, 2 running");
        assertThat(started.get()).as("nothing starts after Ctrl-C").isEqualTo(2);
        assertThat(s.count(FleetRun.Status.STOPPED)).isEqualTo(2);
        assertThat(s.count(FleetRun.Status.CANCELLED)).isEqualTo(8);
        assertThat(s.outcomes().get(9).error()).isEqualTo("not started (Ctrl-C)");
        assertThat(interruptKept.get()).as("the caller still sees its interrupt").isTrue();
    }

    @Test
    void nothingToRunIsAnEmptySummary() {
        assertThat(FleetRun.run(List.of(), 8, t -> null, QUIET).outcomes()).isEmpty();
    }

    // ------------------------------------------------------------------ selection

    static final List<FleetMember> MEMBERS = List.of(
            member("payments", "prod"), member("ledger", "prod"), member("web", "canary"), member("batch", null));

    static FleetMember member(String name, String group) {
        return new FleetMember("/f/members/" + name, name, "/subscriptions/s/resourceGroups/rg-" + name
                + "/providers/Microsoft.ContainerService/managedClusters/aks-" + name, group, "Succeeded", null, Map.of());
    }

    static List<String> names(List<FleetMember> ms) {
        return ms.stream().map(FleetMember::name).toList();
    }

    @Test
    void membersAreChosenOneWayAndEveryNameMustExist() {
        assertThat(names(FleetInvokeService.select(MEMBERS, List.of("web", "PAYMENTS", "web"), null, false, "f")))
                .containsExactly("web", "payments");
        assertThat(names(FleetInvokeService.select(MEMBERS, List.of(), "Prod", false, "f"))).containsExactly("payments", "ledger");
        assertThat(names(FleetInvokeService.select(MEMBERS, List.of(), null, true, "f"))).hasSize(4);
        assertThatThrownBy(() -> FleetInvokeService.select(MEMBERS, List.of("web", "ledgr"), null, false, "fleet-prod"))
                .isInstanceOf(AkshException.class)
                .hasMessage("no member 'ledgr' in fleet-prod; nothing was run")
                .extracting(e -> ((AkshException) e).oneLine()).asString().endsWith("did you mean 'ledger'?");
        assertThat(oneLine(() -> FleetInvokeService.select(MEMBERS, List.of(), "blue", false, "fleet-prod")))
                .isEqualTo("65 no member of fleet-prod is in group 'blue'; its groups: canary, prod");
        assertThat(oneLine(() -> FleetInvokeService.select(MEMBERS, List.of(), null, false, "fleet-prod")))
                .isEqualTo("64 say which members of fleet-prod to run on; add --members a,b, --group GROUP or --all "
                        + "('fleet members' lists them)");
        assertThat(oneLine(() -> FleetInvokeService.select(MEMBERS, List.of("web"), null, true, "fleet-prod")))
                .startsWith("64 --members, --group and --all choose members in different ways; give one");
        assertThat(oneLine(() -> FleetInvokeService.parallel(0))).startsWith("64 --parallel must be 1-64, not 0");
        assertThat(FleetInvokeService.parallel(64)).isEqualTo(64);
    }
}
