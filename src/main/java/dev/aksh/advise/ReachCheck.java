package dev.aksh.advise;

import dev.aksh.azure.Cluster;
import dev.aksh.ranges.Cidr;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * {@code connect check}: from this machine, resolve the API server's names, try TCP and TLS with
 * short timeouts, and say what stands in the way. Nothing is sent but a TLS handshake, so the
 * server's certificate need not be verified.
 */
public final class ReachCheck {
    /** DNS and routes as this machine sees them (the real ones, or the sandbox's). */
    public interface Network {
        List<String> resolve(String host) throws UnknownHostException;

        /** A TCP connection to {@code ip}:443 for {@code host}. */
        Socket connect(String host, String ip, Duration timeout) throws IOException;
    }

    public enum Verdict { REACHABLE, DNS_NOT_LINKED, NOT_ROUTABLE, BLOCKED_BY_RANGES, UNREACHABLE, NO_NAME }

    /** One name, tried. */
    public record Probe(String host, String role, List<String> addresses, String dns, String tcp, String tls,
            Verdict verdict, String explanation) {
    }

    public record Report(Cluster cluster, List<Probe> probes) {
        public boolean reachable() {
            return probes.stream().anyMatch(p -> p.verdict() == Verdict.REACHABLE);
        }
    }

    private final Network network;
    private final Duration timeout;

    public ReachCheck(Network network, Duration timeout) {
        this.network = network;
        this.timeout = timeout;
    }

    /** @param myIp this machine's public IP, or null when unknown (for the ranges explanation) */
    public Report check(Cluster c, String myIp) {
        List<Probe> probes = new ArrayList<>();
        if (c.privateCluster()) {
            if (c.privateFqdn() != null) {
                probes.add(probe(c, c.privateFqdn(), "private FQDN", myIp));
            }
            if (Boolean.TRUE.equals(c.publicFqdnEnabled()) && c.fqdn() != null) {
                probes.add(probe(c, c.fqdn(), "public FQDN", myIp));
            }
        } else if (c.fqdn() != null) {
            probes.add(probe(c, c.fqdn(), "FQDN", myIp));
        }
        if (probes.isEmpty()) {
            probes.add(new Probe("(none)", "", List.of(), "", "", "", Verdict.NO_NAME, c.name() + " has no API server name "
                    + "yet; it may still be provisioning"));
        }
        return new Report(c, probes);
    }

    Probe probe(Cluster c, String host, String role, String myIp) {
        List<String> addresses;
        try {
            addresses = network.resolve(host);
        } catch (UnknownHostException e) {
            String why = c.privateCluster() && host.equalsIgnoreCase(c.privateFqdn())
                    ? "DNS not linked: " + host + " is in the cluster's private DNS zone, which only VNets linked to it can "
                            + "resolve ('network dns' lists them); connect from one, or use 'connect bastion' or 'invoke'"
                    : host + " does not resolve from here";
            return new Probe(host, role, List.of(), "no such name", "", "", c.privateCluster() && host.equalsIgnoreCase(
                    c.privateFqdn()) ? Verdict.DNS_NOT_LINKED : Verdict.UNREACHABLE, why);
        }
        if (addresses.isEmpty()) {
            return new Probe(host, role, List.of(), "no addresses", "", "", Verdict.UNREACHABLE, host + " has no addresses");
        }
        String ip = addresses.get(0);
        boolean privateIp = isPrivate(ip);
        String dns = String.join(", ", addresses) + (privateIp ? " (private)" : "");
        long t0 = System.nanoTime();
        try (Socket s = network.connect(host, ip, timeout)) {
            String tcp = "connected in " + millis(t0);
            long t1 = System.nanoTime();
            try {
                s.setSoTimeout((int) timeout.toMillis());
                SSLSocket tls = (SSLSocket) dev.aksh.ranges.ApiServerProbe.reachabilityOnly().getSocketFactory().createSocket(s, host, 443, true);
                tls.startHandshake();
                String proto = tls.getSession().getProtocol();
                return new Probe(host, role, addresses, dns, tcp, proto + " in " + millis(t1), Verdict.REACHABLE,
                        "reachable: the API server answered TLS at " + ip);
            } catch (IOException e) {
                return blockedOrUnreachable(c, host, role, addresses, dns, tcp, "failed: " + brief(e), myIp);
            }
        } catch (SocketTimeoutException | NoRouteToHostException e) {
            if (privateIp) {
                return new Probe(host, role, addresses, dns, "no answer (" + brief(e) + ")", "", Verdict.NOT_ROUTABLE,
                        "a private address (" + ip + ") not routable from here: reach it from the cluster's VNet or one "
                                + "peered with it ('network peering create'), or use 'connect bastion' or 'invoke'");
            }
            return blockedOrUnreachable(c, host, role, addresses, dns, "no answer (" + brief(e) + ")", "", myIp);
        } catch (ConnectException e) {
            return blockedOrUnreachable(c, host, role, addresses, dns, "refused (" + brief(e) + ")", "", myIp);
        } catch (IOException e) {
            return new Probe(host, role, addresses, dns, "failed (" + brief(e) + ")", "", Verdict.UNREACHABLE,
                    "unreachable: " + brief(e));
        }
    }

    private static Probe blockedOrUnreachable(Cluster c, String host, String role, List<String> addresses, String dns,
            String tcp, String tls, String myIp) {
        if (!c.privateCluster() && !c.authorizedIpRanges().isEmpty()) {
            String covering = myIp == null ? null : Advisor.covering(c.authorizedIpRanges(), myIp);
            if (myIp == null) {
                return new Probe(host, role, addresses, dns, tcp, tls, Verdict.BLOCKED_BY_RANGES, "probably blocked by the "
                        + "authorized IP ranges (this machine's IP is unknown): 'ranges show'");
            }
            if (covering == null) {
                return new Probe(host, role, addresses, dns, tcp, tls, Verdict.BLOCKED_BY_RANGES, "blocked by the authorized "
                        + "IP ranges: your IP " + myIp + " is not in them; 'ranges add-my-ip --wait'");
            }
        }
        return new Probe(host, role, addresses, dns, tcp, tls, Verdict.UNREACHABLE, "unreachable from here"
                + (c.running() ? "" : ": the cluster is stopped"));
    }

    /** An address the internet does not route (RFC 1918, carrier-grade NAT and the other reserved blocks). */
    static boolean isPrivate(String ip) {
        try {
            return Cidr.parse(ip).reserved() != null;
        } catch (Cidr.Invalid e) {
            return false;
        }
    }

    private static String millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000 + " ms";
    }

    private static String brief(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
