package dev.aksh.shell.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompletionCacheTest {
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor manual = queued::add;

    private void runQueued() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void answersAtOnceWithWhatItHasAndLoadsInTheBackground() {
        AtomicInteger loads = new AtomicInteger();
        CompletionCache cache = new CompletionCache(manual, Clock.systemUTC(), Duration.ofMinutes(1));
        cache.define("clusters", sub -> {
            loads.incrementAndGet();
            return List.of(Suggestion.of("aks-" + sub));
        });
        assertThat(cache.get("clusters:a")).isEmpty();
        assertThat(cache.get("clusters:a")).isEmpty(); // one load in flight, not two
        assertThat(queued).hasSize(1);
        runQueued();
        assertThat(cache.get("clusters:a")).extracting(Suggestion::value).containsExactly("aks-a");
        assertThat(loads).hasValue(1);
    }

    @Test
    void staleValuesAreServedWhileTheyRefresh() {
        Instant[] now = {Instant.parse("2026-11-22T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        CompletionCache cache = new CompletionCache(manual, clock, Duration.ofMinutes(1));
        AtomicInteger n = new AtomicInteger();
        cache.define("subscriptions", p -> List.of(Suggestion.of("v" + n.incrementAndGet())));
        cache.refresh("subscriptions");
        runQueued();
        now[0] = now[0].plusSeconds(120);
        assertThat(cache.get("subscriptions")).extracting(Suggestion::value).containsExactly("v1");
        runQueued();
        assertThat(cache.get("subscriptions")).extracting(Suggestion::value).containsExactly("v2");
    }

    @Test
    void aSlowOrFailingSourceNeverBlocksOrThrows() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CompletionCache cache = new CompletionCache(r -> new Thread(r).start(), Clock.systemUTC(), Duration.ofMinutes(1));
        cache.define("slow", p -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(Suggestion.of("late"));
        });
        cache.define("broken", p -> {
            throw new IllegalStateException("ARM is down");
        });
        long t0 = System.nanoTime();
        assertThat(cache.get("slow")).isEmpty();
        assertThat(cache.get("broken")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        release.countDown();
    }
}
