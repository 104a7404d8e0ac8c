package dev.aksh.ranges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CIDR arithmetic, table-driven. */
class CidrTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiterString = " | ", value = {
            "73.140.245.0/24 | 73.140.245.0/24 | false | 73.140.245.0/24 | 256",
            "84.17.53.201 | 84.17.53.201/32 | false | 84.17.53.201/32 | 1",
            " 84.17.53.201 | 84.17.53.201/32 | false | 84.17.53.201/32 | 1",
            "137.117.106.90/29 | 137.117.106.90/29 | true | 137.117.106.88/29 | 8",
            "137.117.106.88/29 | 137.117.106.88/29 | false | 137.117.106.88/29 | 8",
            "0.0.0.0/32 | 0.0.0.0/32 | false | 0.0.0.0/32 | 1",
            "0.0.0.0/0 | 0.0.0.0/0 | false | 0.0.0.0/0 | 4294967296",
            "255.255.255.255/1 | 255.255.255.255/1 | true | 128.0.0.0/1 | 2147483648"})
    void parsesAndNormalises(String text, String parsed, boolean hostBits, String network, long size) {
        Cidr c = Cidr.parse(text);
        assertThat(c.toString()).isEqualTo(parsed);
        assertThat(c.hasHostBits()).isEqualTo(hostBits);
        assertThat(c.network().toString()).isEqualTo(network);
        assertThat(c.size()).isEqualTo(size);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
            "2001:db8::/32 | '2001:db8::/32' is IPv6; API server authorized IP ranges are IPv4 only",
            "::1 | '::1' is IPv6; API server authorized IP ranges are IPv4 only",
            "10.0.0.0/33 | '10.0.0.0/33' has a prefix length above 32",
            "10.0.0.0/x | '10.0.0.0/x' has a bad prefix length: use /0 to /32",
            "10.0.0 | '10.0.0' is not an IPv4 address or CIDR range",
            "256.1.1.1 | '256.1.1.1' has an octet above 255",
            "01.2.3.4 | '01.2.3.4' is not an IPv4 address or CIDR range",
            "example.com | 'example.com' is not an IPv4 address or CIDR range",
            "\"\" | '' is not an IPv4 address or CIDR range"})
    void refusesWhatIsNotAnIpv4Range(String text, String message) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(Cidr.Invalid.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiterString = " | ", value = {
            "73.140.245.0/24 | 73.140.245.7 | true",
            "73.140.245.0/24 | 73.140.246.0 | false",
            "137.117.106.88/29 | 137.117.106.95 | true",
            "137.117.106.88/29 | 137.117.106.96 | false",
            "0.0.0.0/0 | 8.8.8.8 | true",
            "84.17.53.201/32 | 84.17.53.201 | true",
            "84.17.53.201/32 | 84.17.53.200 | false"})
    void containsAddresses(String range, String ip, boolean contains) {
        assertThat(Cidr.parse(range).contains(Cidr.ipv4(ip, ip))).isEqualTo(contains);
    }

    @ParameterizedTest(name = "{0} ⊇ {1}: {2}")
    @CsvSource(delimiterString = " | ", value = {
            "73.140.245.0/24 | 73.140.245.16/28 | true | true",
            "73.140.245.16/28 | 73.140.245.0/24 | false | true",
            "73.140.245.0/24 | 73.140.246.0/24 | false | false",
            "10.0.0.0/8 | 10.255.255.255/32 | true | true"})
    void containsAndOverlapsRanges(String a, String b, boolean contains, boolean overlaps) {
        assertThat(Cidr.parse(a).contains(Cidr.parse(b))).isEqualTo(contains);
        assertThat(Cidr.parse(a).overlaps(Cidr.parse(b))).isEqualTo(overlaps);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '"', value = {
            "10.1.0.0/16 | private (RFC 1918)",
            "172.20.0.0/16 | private (RFC 1918)",
            "192.168.1.0/24 | private (RFC 1918)",
            "127.0.0.1 | loopback",
            "169.254.169.254 | link-local",
            "100.64.0.0/10 | shared carrier-grade NAT",
            "224.0.0.1 | multicast",
            "240.0.0.0/4 | reserved",
            "203.0.113.0/24 | documentation (TEST-NET-3)",
            "0.0.0.0/0 | \"\"\"this\"\" network\"",
            "84.17.53.201 | ",
            "20.73.152.9 | ",
            "172.32.0.0/16 | "})
    void namesReservedSpace(String range, String reason) {
        assertThat(Cidr.parse(range).reserved()).isEqualTo(reason);
    }
}
