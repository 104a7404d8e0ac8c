package dev.aksh.ranges;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * This machine's public IPv4 address, as the internet sees it: resolvers tried in order, each with
 * a short timeout — the DNS way of seed 004 ({@code myip.opendns.com} asked of
 * {@code resolver1.opendns.com}), then HTTPS echo services. The answer is kept for a few minutes.
 * Resolvers are configurable ({@code AKSH_MYIP_RESOLVERS}: {@code dns:NAME@SERVER} or
 * {@code https://…}, comma-separated).
 */
public final class MyIp {
    public static final String DEFAULT_RESOLVERS =
            "dns:myip.opendns.com@resolver1.opendns.com,https://api.ipify.org,https://ifconfig.me/ip,https://icanhazip.com";
    static final Duration KEEP = Duration.ofMinutes(5);

    /** One way of asking. */
    public interface Resolver {
        String name();

        String resolve(Duration timeout) throws IOException;
    }

    /** The address and who said so. */
    public record Found(String ip, String via) {
    }

    /** Nobody answered: what was tried and why each failed. */
    public static final class NotFound extends IOException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    private final java.util.function.Supplier<List<Resolver>> resolvers;
    private final Duration timeout;
    private final Clock clock;
    private Found cached;
    private Instant cachedAt;

    /** @param resolvers asked for the resolvers on first use (the sandbox's are known only once it runs) */
    public MyIp(java.util.function.Supplier<List<Resolver>> resolvers, Duration timeout, Clock clock) {
        this.resolvers = resolvers;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Resolvers from a spec such as {@link #DEFAULT_RESOLVERS}. */
    public static List<Resolver> parse(String spec, HttpClient http) {
        List<Resolver> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (p.startsWith("dns:")) {
                String[] nameServer = p.substring(4).split("@", 2);
                if (nameServer.length != 2) {
                    throw new IllegalArgumentException("a DNS resolver is dns:NAME@SERVER, not '" + p + "'");
                }
                out.add(dns(nameServer[0], nameServer[1]));
            } else if (p.startsWith("https://") || p.startsWith("http://")) {
                out.add(web(URI.create(p), http));
            } else {
                throw new IllegalArgumentException("a resolver is dns:NAME@SERVER or an https:// URL, not '" + p + "'");
            }
        }
        return out;
    }

    /** The A record of {@code name} as {@code server} answers it. */
    public static Resolver dns(String name, String server) {
        return new Resolver() {
            @Override
            public String name() {
                return "DNS " + name + " at " + server;
            }

            @Override
            public String resolve(Duration timeout) throws IOException {
                Hashtable<String, String> env = new Hashtable<>();
                env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
                env.put(Context.PROVIDER_URL, "dns://" + server);
                env.put("com.sun.jndi.dns.timeout.initial", String.valueOf(Math.max(200, timeout.toMillis() / 2)));
                env.put("com.sun.jndi.dns.timeout.retries", "1");
                try {
                    DirContext ctx = new InitialDirContext(env);
                    try {
                        Attributes attrs = ctx.getAttributes(name, new String[] {"A"});
                        Attribute a = attrs.get("A");
                        if (a == null || a.size() == 0) {
                            throw new IOException("no A record");
                        }
                        return String.valueOf(a.get(0)).trim();
                    } finally {
                        ctx.close();
                    }
                } catch (NamingException e) {
                    throw new IOException(e.getExplanation() == null ? e.toString() : e.getExplanation(), e);
                }
            }
        };
    }

    /** An echo service answering the caller's address as text. */
    public static Resolver web(URI uri, HttpClient http) {
        return new Resolver() {
            @Override
            public String name() {
                return uri.toString();
            }

            @Override
            public String resolve(Duration timeout) throws IOException {
                HttpRequest r = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "text/plain")
                        .header("User-Agent", "aksh").GET().build();
                try {
                    HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
                    if (res.statusCode() != 200) {
                        throw new IOException("answered " + res.statusCode());
                    }
                    return res.body().trim();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
            }
        };
    }

    /** The address, from the cache or the first resolver that answers with a public IPv4 address. */
    public synchronized Found find() throws NotFound {
        if (cached != null && Duration.between(cachedAt, clock.instant()).compareTo(KEEP) < 0) {
            return cached;
        }
        List<String> tried = new ArrayList<>();
        for (Resolver r : resolvers.get()) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                String answer = r.resolve(timeout);
                Cidr c = Cidr.parse(answer);
                if (c.prefix() != 32 || c.reserved() != null) {
                    tried.add(r.name() + ": '" + answer + "' is not a public IPv4 address");
                    continue;
                }
                cached = new Found(Cidr.format(c.address()), r.name());
                cachedAt = clock.instant();
                return cached;
            } catch (IOException | IllegalArgumentException e) {
                tried.add(r.name() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        throw new NotFound(tried.isEmpty() ? "no resolver is configured" : String.join("; ", tried));
    }

    /** Forgets the cached answer (after a network change, say). */
    public synchronized void forget() {
        cached = null;
    }
}
