package dev.aksh.invoke;

import java.time.Clock;
import java.time.Duration;

/** Time for the polling loop: the clock, and a way to wait (interruptible; replaced in tests). */
public interface Waiting {
    Clock clock();

    void sleep(Duration d) throws InterruptedException;

    Waiting SYSTEM = new Waiting() {
        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            Thread.sleep(d.toMillis());
        }
    };
}
