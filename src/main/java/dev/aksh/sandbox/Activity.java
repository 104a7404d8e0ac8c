package dev.aksh.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What happened in the sandbox, as its servers saw it: commands the run-command pods ran, requests
 * the API servers answered, tunnels the Bastion hosts opened, connections the public endpoints let
 * in or dropped. Lessons check their goals against it (and against the state); nothing in aksh's
 * client code reads it. The last {@value #LIMIT} events are kept.
 */
public final class Activity {
    static final int LIMIT = 10_000;

    /** One thing that happened; {@code seq} orders events (later events have larger numbers). */
    public sealed interface Event permits RunCommand, KubeRequest, TunnelOpened, PublicConnection {
        long seq();

        Instant at();

        /** The cluster's resource id. */
        String clusterId();
    }

    /** A run-command pod ran {@code command}, with these files attached, and exited with {@code exitCode} (null: never ran). */
    public record RunCommand(long seq, Instant at, String clusterId, String command, List<String> files, Integer exitCode)
            implements Event {
    }

    /** An API server answered {@code status} to a request from a client calling itself {@code userAgent}. */
    public record KubeRequest(long seq, Instant at, String clusterId, String method, String path, String userAgent, int status)
            implements Event {
    }

    /** A Bastion host opened a tunnel session to a cluster. */
    public record TunnelOpened(long seq, Instant at, String clusterId, String bastionId) implements Event {
    }

    /** A connection reached a cluster's public endpoint from "my IP" and was let in or dropped by the firewall. */
    public record PublicConnection(long seq, Instant at, String clusterId, boolean admitted) implements Event {
    }

    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private long seq;

    synchronized void record(LongFunction<Event> event) {
        Event e = event.apply(++seq);
        events.addLast(e);
        if (events.size() > LIMIT) {
            events.removeFirst();
        }
    }

    /** The sequence number of the latest event (0 before any). */
    public synchronized long last() {
        return seq;
    }

    /** Events after {@code seq}, oldest first. */
    public synchronized List<Event> since(long after) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.seq() > after) {
                out.add(e);
            }
        }
        return out;
    }
}
