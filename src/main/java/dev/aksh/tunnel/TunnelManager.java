package dev.aksh.tunnel;

import dev.aksh.azure.Bastion;
import dev.aksh.azure.Cluster;
import dev.aksh.session.ClusterRef;
import dev.aksh.session.SessionState;
import dev.aksh.session.TunnelRef;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tunnels open in this process. Registering one puts it in the session context (the route and
 * the prompt follow); closing one, or all on exit, closes its listener and Bastion sessions,
 * deletes its kubeconfig and takes it out of the context. Tokens in kubeconfigs are renewed five
 * minutes before they expire.
 */
public final class TunnelManager implements AutoCloseable {
    /** Private directories of tunnels are named {@code aksh-tunnel-<pid>-<random>}. */
    public static final String DIR_PREFIX = "aksh-tunnel-";
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    /** One open tunnel; {@code via} says where its Bastion was found. */
    public record Open(int id, Cluster cluster, Bastion bastion, String via, BastionTunnel tunnel, TunnelKubeconfig kubeconfig,
            boolean admin, String serverVersion, Instant opened) {
        public int port() {
            return tunnel.port();
        }
    }

    private final SessionState session;
    private final Map<Integer, Open> open = new ConcurrentHashMap<>();
    private final Map<Integer, ScheduledFuture<?>> renewals = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tunnel-renewals");
        t.setDaemon(true);
        return t;
    });

    public TunnelManager(SessionState session) {
        this.session = session;
    }

    public int nextId() {
        return ids.incrementAndGet();
    }

    public void register(Open o) {
        open.put(o.id(), o);
        session.update(c -> c.withTunnel(new TunnelRef(o.id(), o.cluster().ref(), o.port())));
        scheduleRenewal(o);
    }

    public List<Open> list() {
        List<Open> l = new ArrayList<>(open.values());
        l.sort(Comparator.comparingInt(Open::id));
        return l;
    }

    public Open get(int id) {
        return open.get(id);
    }

    public Open forCluster(ClusterRef ref) {
        return open.values().stream().filter(o -> o.cluster().ref().sameAs(ref)).findFirst().orElse(null);
    }

    /** Closes one tunnel; returns it, or null if there was none with that id. */
    public Open close(int id) {
        Open o = open.remove(id);
        if (o == null) {
            return null;
        }
        ScheduledFuture<?> r = renewals.remove(id);
        if (r != null) {
            r.cancel(false);
        }
        try {
            o.tunnel().close();
        } finally {
            o.kubeconfig().close();
            session.update(c -> c.withoutTunnel(id));
        }
        return o;
    }

    /** Closes every tunnel: on 'tunnel close --all' and on every way out of aksh. */
    public List<Open> closeAll() {
        List<Open> closed = new ArrayList<>();
        for (Integer id : List.copyOf(open.keySet())) {
            Open o = close(id);
            if (o != null) {
                closed.add(o);
            }
        }
        return closed;
    }

    @Override
    public void close() {
        closeAll();
        timer.shutdownNow();
    }

    private void scheduleRenewal(Open o) {
        OffsetDateTime expires = o.kubeconfig().expiresAt();
        if (expires == null) {
            return;
        }
        long delay = Math.max(Duration.ofSeconds(30).toMillis(),
                Duration.between(OffsetDateTime.now(), expires.minus(RENEW_BEFORE)).toMillis());
        renewals.put(o.id(), timer.schedule(() -> {
            if (!open.containsKey(o.id())) {
                return;
            }
            try {
                o.kubeconfig().refresh();
            } catch (RuntimeException e) {
                // try again shortly; the old token is still valid for a few minutes
            }
            scheduleRenewal(o);
        }, delay, TimeUnit.MILLISECONDS));
    }
}
