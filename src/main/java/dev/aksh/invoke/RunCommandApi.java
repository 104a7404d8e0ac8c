package dev.aksh.invoke;

import dev.aksh.azure.RunCommandClient;
import dev.aksh.session.ClusterRef;

/** What the run-command route needs from ARM (the SDK in production, a stub in polling tests). */
public interface RunCommandApi {
    RunCommandClient.Submitted submit(ClusterRef cluster, String command, String context, String clusterToken);

    RunCommandClient.Polled poll(ClusterRef cluster, String commandId);

    /** A token for the AKS AAD server app (AAD-managed clusters). */
    String clusterToken();

    /** Fetches the cluster token ahead of need (its result is cached where {@link #clusterToken} finds it). */
    default void prefetchClusterToken() {
        clusterToken();
    }

    static RunCommandApi of(RunCommandClient client) {
        return new RunCommandApi() {
            @Override
            public RunCommandClient.Submitted submit(ClusterRef cluster, String command, String context, String token) {
                return client.submit(cluster, command, context, token);
            }

            @Override
            public RunCommandClient.Polled poll(ClusterRef cluster, String commandId) {
                return client.poll(cluster, commandId);
            }

            @Override
            public String clusterToken() {
                return client.clusterToken();
            }

            @Override
            public void prefetchClusterToken() {
                client.prefetchClusterToken();
            }
        };
    }
}
