package dev.aksh.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aksh.azure.Cluster;
import dev.aksh.azure.RunCommandClient;
import dev.aksh.azure.RunResult;
import dev.aksh.error.AkshException;
import dev.aksh.error.ExitCode;
import dev.aksh.render.Progress;
import dev.aksh.session.ClusterRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The waiting loop of invoke, on a fake clock: schedule, Retry-After, timeout, Ctrl-C, pre-checks. */
class PollingTest {

    @ParameterizedTest
    @CsvSource({"0, , 250", "1000, , 250", "2000, , 250", "4000, , 500", "10000, , 1250", "60000, , 2000", "3000, 5, 5000",
            "0, 0, 0"})
    void theScheduleStartsFastBacksOffToTwoSecondsAndFollowsRetryAfter(long elapsedMs, Long retryAfterS, long expectMs) {
        assertThat(PollSchedule.next(Duration.ofMillis(elapsedMs), retryAfterS == null ? null : Duration.ofSeconds(retryAfterS)))
                .isEqualTo(Duration.ofMillis(expectMs));
    }

    /** A clock that only moves when the loop sleeps. */
    static final class FakeTime implements Waiting {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();
        Runnable onSleep = () -> { };

        @Override
        public Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            sleeps.add(d);
            now = now.plus(d);
            onSleep.run();
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** ARM that finishes the command at a given time, optionally asking for a Retry-After. */
    static final class FakeArm implements RunCommandApi {
        final FakeTime time;
        final Instant doneAt;
        final Duration retryAfter;
        int polls;
        String tokenSent = "unset";

        FakeArm(FakeTime time, Duration runs, Duration retryAfter) {
            this.time = time;
            this.doneAt = time.now.plus(runs);
            this.retryAfter = retryAfter;
        }

        @Override
        public RunCommandClient.Submitted submit(ClusterRef cluster, String command, String context, String clusterToken) {
            tokenSent = clusterToken;
            return new RunCommandClient.Submitted("abc123", null, retryAfter);
        }

        @Override
        public RunCommandClient.Polled poll(ClusterRef cluster, String commandId) {
            polls++;
            if (time.now.isBefore(doneAt)) {
                return new RunCommandClient.Polled(null, retryAfter);
            }
            return new RunCommandClient.Polled(new RunResult("abc123", "Succeeded", 0, null, null, "ok\n", null), null);
        }

        @Override
        public String clusterToken() {
            return "cluster-token";
        }
    }

    static Cluster cluster(boolean aad, boolean runCommandDisabled, String power) {
        return new Cluster("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks-x",
                "aks-x", "rg", "s", "westeurope", "1.32.4", "Succeeded", power, true, null, "x.privatelink", false, List.of(),
                runCommandDisabled, aad, aad, false, "Base", "Standard", "MC_rg", false, false, "system", "standard",
                "loadBalancer", null, "etag", List.of());
    }

    static InvokeService.Request request(Duration timeout) {
        return new InvokeService.Request("kubectl get pods", List.of(), timeout, false);
    }

    @Test
    void aTwoSecondCommandIsSeenFinishedWithinAQuarterSecond() {
        FakeTime time = new FakeTime();
        FakeArm arm = new FakeArm(time, Duration.ofSeconds(2), null);
        Instant start = time.now;
        InvokeService.Outcome o = new InvokeService(arm, time, Path.of(".")).invoke(cluster(false, false, "Running"),
                request(Duration.ofMinutes(10)), Progress.NONE, w -> { });
        assertThat(o).isInstanceOf(InvokeService.Finished.class);
        Duration waited = Duration.between(start, time.now);
        assertThat(waited).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2250));
        assertThat(time.sleeps).allMatch(d -> d.compareTo(Duration.ofMillis(250)) >= 0);
        assertThat(arm.tokenSent).isNull();
    }

    @Test
    void aLongCommandIsPolledAtMostEveryTwoSeconds() {
        FakeTime time = new FakeTime();
        FakeArm arm = new FakeArm(time, Duration.ofMinutes(3), null);
        new InvokeService(arm, time, Path.of(".")).invoke(cluster(false, false, "Running"), request(Duration.ofMinutes(10)),
                Progress.NONE, w -> { });
        assertThat(time.sleeps).allMatch(d -> d.compareTo(Duration.ofSeconds(2)) <= 0);
        assertThat(arm.polls).isLessThan(110); // az would poll every 5 s: 36 times; aksh stays in the same order
        assertThat(time.sleeps.subList(time.sleeps.size() - 10, time.sleeps.size())).allMatch(d -> d.equals(Duration.ofSeconds(2)));
    }

    @Test
    void retryAfterIsHonoured() {
        FakeTime time = new FakeTime();
        FakeArm arm = new FakeArm(time, Duration.ofSeconds(12), Duration.ofSeconds(3));
        new InvokeService(arm, time, Path.of(".")).invoke(cluster(false, false, "Running"), request(Duration.ofMinutes(10)),
                Progress.NONE, w -> { });
        assertThat(time.sleeps).containsOnly(Duration.ofSeconds(3));
        assertThat(arm.polls).isEqualTo(4);
    }

    @Test
    void theTimeoutEndsTheWaitWithPendingAndTheCommandId() {
        FakeTime time = new FakeTime();
        FakeArm arm = new FakeArm(time, Duration.ofMinutes(30), null);
        assertThatThrownBy(() -> new InvokeService(arm, time, Path.of(".")).invoke(cluster(false, false, "Running"),
                request(Duration.ofSeconds(90)), Progress.NONE, w -> { }))
                .isInstanceOfSatisfying(AkshException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PENDING);
                    assertThat(e.oneLine()).isEqualTo("command abc123 on aks-x has not finished after 1m30s; it goes on in "
                            + "the cluster; fetch its result later with 'invoke result abc123'");
                });
        assertThat(Duration.between(Instant.parse("2026-11-22T10:00:00Z"), time.now)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void ctrlCStopsWaitingAndSaysWhichIdToFetch() {
        FakeTime time = new FakeTime();
        FakeArm arm = new FakeArm(time, Duration.ofMinutes(5), null);
        time.onSleep = () -> {
            if (time.sleeps.size() == 3) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            assertThatThrownBy(() -> new InvokeService(arm, time, Path.of(".")).invoke(cluster(false, false, "Running"),
                    request(Duration.ofMinutes(10)), Progress.NONE, w -> { }))
                    .isInstanceOfSatisfying(AkshException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
                        assertThat(e.oneLine()).isEqualTo("stopped waiting for command abc123 on aks-x; it goes on in the "
                                + "cluster; fetch its result later with 'invoke result abc123'");
                    });
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aadClustersGetAClusterToken() {
        FakeTime time = new FakeTime();
        FakeArm arm = new FakeArm(time, Duration.ZERO, null);
        new InvokeService(arm, time, Path.of(".")).invoke(cluster(true, false, "Running"), request(Duration.ofMinutes(1)),
                Progress.NONE, w -> { });
        assertThat(arm.tokenSent).isEqualTo("cluster-token");
    }

    @Test
    void disabledRunCommandAndStoppedClustersAreRefusedBeforeAnyCall() {
        FakeTime time = new FakeTime();
        FakeArm arm = new FakeArm(time, Duration.ZERO, null);
        InvokeService s = new InvokeService(arm, time, Path.of("."));
        assertThatThrownBy(() -> s.invoke(cluster(false, true, "Running"), request(Duration.ofMinutes(1)), Progress.NONE, w -> { }))
                .isInstanceOfSatisfying(AkshException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
                    assertThat(e.oneLine()).isEqualTo("run command is disabled on aks-x (apiServerAccessProfile.disableRunCommand "
                            + "is true); enable it with 'az aks update -g rg -n aks-x --enable-run-command', or reach the "
                            + "cluster through Bastion: 'connect bastion'");
                });
        assertThatThrownBy(() -> s.invoke(cluster(false, false, "Stopped"), request(Duration.ofMinutes(1)), Progress.NONE, w -> { }))
                .isInstanceOfSatisfying(AkshException.class, e -> assertThat(e.oneLine())
                        .isEqualTo("aks-x is stopped (power state Stopped), so nothing can run on it; start it with "
                                + "'az aks start -g rg -n aks-x'"));
        assertThat(arm.tokenSent).isEqualTo("unset");
    }
}
