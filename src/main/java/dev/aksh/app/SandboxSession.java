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
        return change(FakeAzure::reset, SandboxSession::fit);
    }

    /** A reset that also starts the context afresh in the world's default subscription (lessons start here). */
    Change restart() {
        return change(FakeAzure::reset, (c, f) -> new SessionContext(InitialContext.forSandbox(f.world()), null, null, null,
                null, c.readOnly(), true, c.tunnels()));
    }

    @Override
    public Change load(Path file) {
        Snapshots.Loaded loaded = Snapshots.read(file); // a bad file changes nothing
        return change(f -> f.replaceWorld(loaded.world(), loaded.saved()), SandboxSession::fit);
    }

    @Override
    public void save(Path file) {
        Snapshots.save(sandbox.get(), file);
    }

    /** Closes this session's tunnels, changes the world, then forgets completion values and fits the context. */
    private Change change(java.util.function.Consumer<FakeAzure> replace,
            java.util.function.BiFunction<SessionContext, FakeAzure, SessionContext> context) {
        FakeAzure f = sandbox.get();
        int tunnelsClosed = tunnels.closeAll().size();
        replace.accept(f);
        cache.clear();
        SessionContext before = session.get();
        SessionContext now = session.update(c -> context.apply(c, f));
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
