package dev.aksh.app;

import dev.aksh.session.ClusterRef;
import dev.aksh.session.SubscriptionRef;
import dev.aksh.sandbox.FakeAzure;
import dev.aksh.sandbox.Snapshots;
import dev.aksh.sandbox.World;
import dev.aksh.session.SessionContext;
import dev.aksh.session.SessionState;
import dev.aksh.shell.completion.CompletionCache;
import dev.aksh.tunnel.TunnelManager;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * {@code sandbox reset|load|save} as the session sees them: before the world changes, this
 * session's tunnels close (their Bastion sessions belong to the old world); after it, what
 * completion knew is forgotten, and the context keeps its subscription, cluster and fleet only
 * where the new world has them.
 */
final class SandboxSession implements dev.aksh.shell.commands.SandboxCommands.Worlds {
    private final Supplier<FakeAzure> sandbox;
    private final TunnelManager tunnels;
    private final SessionState session;
    private final CompletionCache cache;

    SandboxSession(Supplier<FakeAzure> sandbox, TunnelManager tunnels, SessionState session, CompletionCache cache) {
        this.sandbox = sandbox;
        this.tunnels = tunnels;
        this.session = session;
        this.cache = cache;
    }

    @Override
    public Change reset() {
        FakeAzure f = sandbox.get();
        int closed = tunnels.closeAll().size();
        f.reset();
        return after(f, closed);
    }

    /** A reset that also starts the context afresh in the world's default subscription (lessons start here). */
    Change restart() {
        reset();
        FakeAzure f = sandbox.get();
        session.update(c -> new SessionContext(InitialContext.forSandbox(f.world()), null, null, null, null, c.readOnly(), true,
                c.tunnels()));
        return after(f, 0);
    }

    @Override
    public Change load(Path file) {
        Snapshots.Loaded loaded = Snapshots.read(file); // a bad file changes nothing
        FakeAzure f = sandbox.get();
        int closed = tunnels.closeAll().size();
        f.replaceWorld(loaded.world(), loaded.saved());
        return after(f, closed);
    }

    @Override
    public void save(Path file) {
        Snapshots.save(sandbox.get(), file);
    }

    private Change after(FakeAzure f, int tunnelsClosed) {
        cache.clear();
        SessionContext before = session.get();
        SessionContext now = session.update(c -> fit(c, f));
        return new Change(f.world().name(), tunnelsClosed, before.subscription() != null && now.subscription() != null
                && !before.subscription().id().equalsIgnoreCase(now.subscription().id()) || before.cluster() != null
                && now.cluster() == null, now);
    }

    /** The context, keeping what the world still has. */
    static SessionContext fit(SessionContext c, FakeAzure f) {
        World w = f.world();
        SubscriptionRef sub = c.subscription();
        boolean subThere = sub != null && f.state().subscription(sub.id()) != null;
        if (!subThere) {
            SubscriptionRef first = InitialContext.forSandbox(w);
            return new SessionContext(first, null, null, null, null, c.readOnly(), true, c.tunnels());
        }
        ClusterRef cluster = c.cluster() != null && f.state().resource(c.cluster().id()) != null ? c.cluster() : null;
        ClusterRef previous = c.previousCluster() != null && f.state().resource(c.previousCluster().id()) != null
                ? c.previousCluster() : null;
        String fleet = c.fleet() != null && f.state().resource(c.fleet()) != null ? c.fleet() : null;
        return new SessionContext(sub, cluster, previous, fleet, c.route(), c.readOnly(), true, c.tunnels());
    }
}
