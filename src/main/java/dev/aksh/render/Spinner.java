package dev.aksh.render;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** A one-line spinner with elapsed time and state, redrawn in place; only ever used on a terminal. */
public final class Spinner implements Progress {
    private static final String[] FRAMES = {"|", "/", "-", "\\"};

    private final PrintWriter out;
    private final String label;
    private final long start = System.nanoTime();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;
    private volatile String state = "";

    public Spinner(PrintWriter out, String label) {
        this.out = out;
        this.label = label;
        this.thread = new Thread(this::run, "spinner");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void state(String state) {
        this.state = state == null ? "" : state;
    }

    private void run() {
        int i = 0;
        while (!closed.get()) {
            draw(FRAMES[i++ % FRAMES.length]);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void draw(String frame) {
        synchronized (out) {
            if (closed.get()) {
                return;
            }
            String elapsed = dev.aksh.shell.Durations.format(Duration.ofNanos(System.nanoTime() - start));
            out.print("\r\u001b[K" + frame + " " + label + "  " + elapsed + (state.isEmpty() ? "" : "  " + state));
            out.flush();
        }
    }

    @Override
    public void above(Runnable print) {
        synchronized (out) {
            out.print("\r\u001b[K");
            out.flush();
            print.run();
            if (!closed.get()) {
                draw(FRAMES[0]);
            }
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            thread.interrupt();
            synchronized (out) {
                out.print("\r\u001b[K");
                out.flush();
            }
        }
    }
}
