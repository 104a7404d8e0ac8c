package dev.aksh.session;

/**
 * An open tunnel as the context knows it: enough for the prompt and the route. The tunnel itself
 * (sockets, sessions, files) lives in the tunnel manager and dies with the process, so tunnels are
 * never persisted.
 *
 * @param id the number {@code tunnel list} and {@code tunnel close} use
 * @param port the local port on 127.0.0.1
 */
public record TunnelRef(int id, ClusterRef cluster, int port) {
}
