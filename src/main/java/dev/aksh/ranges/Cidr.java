package dev.aksh.ranges;

import java.util.Locale;

/**
 * An IPv4 network in CIDR notation. {@link #parse} is lenient about what it reads (a bare address
 * is a /32) and strict about what it accepts; {@link #validate} says why an authorized range would
 * be refused.
 */
public record Cidr(long address, int prefix) implements Comparable<Cidr> {

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length must be 0-32");
        }
    }

    /** Thrown for text that is not an IPv4 CIDR or address. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code a.b.c.d/n} or {@code a.b.c.d} (a /32). Host bits are kept: see
     * {@link #hasHostBits()} and {@link #network()}.
     */
    public static Cidr parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.contains(":")) {
            throw new Invalid("'" + t + "' is IPv6; API server authorized IP ranges are IPv4 only");
        }
        int slash = t.indexOf('/');
        String ip = slash < 0 ? t : t.substring(0, slash);
        int prefix = 32;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (!p.matches("\\d{1,2}")) {
                throw new Invalid("'" + t + "' has a bad prefix length: use /0 to /32");
            }
            prefix = Integer.parseInt(p);
            if (prefix > 32) {
                throw new Invalid("'" + t + "' has a prefix length above 32");
            }
        }
        return new Cidr(ipv4(ip, t), prefix);
    }

    /** Reads an IPv4 address. */
    public static long ipv4(String ip, String context) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            throw new Invalid("'" + context + "' is not an IPv4 address or CIDR range");
        }
        long v = 0;
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || (p.length() > 1 && p.startsWith("0"))) {
                throw new Invalid("'" + context + "' is not an IPv4 address or CIDR range");
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                throw new Invalid("'" + context + "' has an octet above 255");
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    public long mask() {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    /** The network address (the first address of the range). */
    public Cidr network() {
        return new Cidr(address & mask(), prefix);
    }

    public boolean hasHostBits() {
        return (address & ~mask() & 0xFFFFFFFFL) != 0;
    }

    public long first() {
        return address & mask();
    }

    public long last() {
        return first() | (~mask() & 0xFFFFFFFFL);
    }

    public boolean contains(long ip) {
        return (ip & mask()) == first();
    }

    public boolean contains(Cidr other) {
        return other.prefix >= prefix && contains(other.first());
    }

    public boolean overlaps(Cidr other) {
        return first() <= other.last() && other.first() <= last();
    }

    /** How many addresses the range holds. */
    public long size() {
        return 1L << (32 - prefix);
    }

    /** Why this range is private or reserved (not routable on the internet), or null. */
    public String reserved() {
        String[][] blocks = {
            {"0.0.0.0/8", "\"this\" network"}, {"10.0.0.0/8", "private (RFC 1918)"}, {"100.64.0.0/10", "shared carrier-grade NAT"},
            {"127.0.0.0/8", "loopback"}, {"169.254.0.0/16", "link-local"}, {"172.16.0.0/12", "private (RFC 1918)"},
            {"192.0.0.0/24", "IETF protocol assignments"}, {"192.0.2.0/24", "documentation (TEST-NET-1)"},
            {"192.168.0.0/16", "private (RFC 1918)"}, {"198.18.0.0/15", "benchmarking"},
            {"198.51.100.0/24", "documentation (TEST-NET-2)"}, {"203.0.113.0/24", "documentation (TEST-NET-3)"},
            {"224.0.0.0/4", "multicast"}, {"240.0.0.0/4", "reserved"},
        };
        for (String[] b : blocks) {
            if (parse(b[0]).overlaps(this)) {
                return b[1];
            }
        }
        return null;
    }

    public static String format(long ip) {
        return ((ip >> 24) & 0xFF) + "." + ((ip >> 16) & 0xFF) + "." + ((ip >> 8) & 0xFF) + "." + (ip & 0xFF);
    }

    @Override
    public String toString() {
        return format(address) + "/" + prefix;
    }

    @Override
    public int compareTo(Cidr o) {
        int c = Long.compare(first(), o.first());
        return c != 0 ? c : Integer.compare(prefix, o.prefix);
    }

    /** Whether {@code text} names the same range as this one (after normalising a bare address to /32). */
    public boolean sameAs(String text) {
        try {
            return parse(text).equals(this);
        } catch (Invalid e) {
            return text.trim().toLowerCase(Locale.ROOT).equals(toString());
        }
    }
}
