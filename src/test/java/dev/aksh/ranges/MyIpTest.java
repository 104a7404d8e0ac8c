package dev.aksh.ranges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Finding this machine's public IP: the DNS way of seed 004, HTTPS echo services, in order, with fallbacks. */
class MyIpTest {

    static MyIp.Resolver answering(String name, String answer, AtomicInteger calls) {
        return new MyIp.Resolver() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String resolve(Duration timeout) throws IOException {
                calls.incrementAndGet();
                if (answer == null) {
                    throw new IOException("timed out");
                }
                return answer;
            }
        };
    }

    @Test
    void theFirstResolverWithAPublicAddressWinsAndTheAnswerIsKept() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        MyIp my = new MyIp(() -> List.of(answering("dead", null, calls), answering("liar", "10.1.2.3", calls),
                answering("garbage", "<html>", calls), answering("good", "84.17.53.201\n", calls),
                answering("never", "1.1.1.1", calls)), Duration.ofSeconds(1), Clock.systemUTC());
        assertThat(my.find()).isEqualTo(new MyIp.Found("84.17.53.201", "good"));
        assertThat(calls.get()).isEqualTo(4);
        my.find();
        assertThat(calls.get()).as("kept for a few minutes").isEqualTo(4);
    }

    @Test
    void whenNoneAnswersEveryReasonIsGiven() {
        MyIp my = new MyIp(() -> List.of(answering("a", null, new AtomicInteger()),
                answering("b", "192.168.1.9", new AtomicInteger())), Duration.ofSeconds(1), Clock.systemUTC());
        assertThatThrownBy(my::find).isInstanceOf(MyIp.NotFound.class)
                .hasMessage("a: timed out; b: '192.168.1.9' is not a public IPv4 address");
    }

    @Test
    void resolverSpecsAreReadAndBadOnesNamed() {
        List<MyIp.Resolver> r = MyIp.parse(MyIp.DEFAULT_RESOLVERS, java.net.http.HttpClient.newHttpClient());
        assertThat(r).extracting(MyIp.Resolver::name).containsExactly("DNS myip.opendns.com at resolver1.opendns.com",
                "https://api.ipify.org", "https://ifconfig.me/ip", "https://icanhazip.com");
        assertThatThrownBy(() -> MyIp.parse("ftp://x", null)).hasMessage("a resolver is dns:NAME@SERVER or an https:// URL, "
                + "not 'ftp://x'");
        assertThatThrownBy(() -> MyIp.parse("dns:myip.opendns.com", null)).hasMessage("a DNS resolver is dns:NAME@SERVER, "
                + "not 'dns:myip.opendns.com'");
    }

    @Test
    void theDnsWayAsksTheGivenServerForTheARecord() throws Exception {
        try (DatagramSocket dns = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerOnce(dns, new byte[] {84, 17, 53, (byte) 201}));
            server.setDaemon(true);
            server.start();
            MyIp.Resolver r = MyIp.dns("myip.opendns.com", "127.0.0.1:" + dns.getLocalPort());
            assertThat(r.resolve(Duration.ofSeconds(2))).isEqualTo("84.17.53.201");
        }
    }

    /** A DNS server for one query: the question echoed, one A record answered. */
    static void answerOnce(DatagramSocket dns, byte[] ip) {
        try {
            byte[] buf = new byte[512];
            DatagramPacket q = new DatagramPacket(buf, buf.length);
            dns.receive(q);
            int end = 12;
            while (buf[end] != 0) {
                end += (buf[end] & 0xFF) + 1;
            }
            end += 5; // the root label, QTYPE, QCLASS
            byte[] a = new byte[end + 16];
            System.arraycopy(buf, 0, a, 0, end);
            a[2] = (byte) 0x81;
            a[3] = (byte) 0x80; // a response, recursion available, no error
            a[7] = 1; // one answer
            a[9] = 0;
            a[11] = 0;
            int p = end;
            a[p++] = (byte) 0xC0;
            a[p++] = 12; // the name: a pointer to the question's
            a[p++] = 0;
            a[p++] = 1; // A
            a[p++] = 0;
            a[p++] = 1; // IN
            a[p++] = 0;
            a[p++] = 0;
            a[p++] = 0;
            a[p++] = 60; // TTL
            a[p++] = 0;
            a[p++] = 4;
            System.arraycopy(ip, 0, a, p, 4);
            dns.send(new DatagramPacket(a, a.length, q.getSocketAddress()));
        } catch (IOException ignored) {
            // the test fails on its own
        }
    }
}
