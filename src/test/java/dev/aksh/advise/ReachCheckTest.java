package dev.aksh.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aksh.azure.Cluster;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** connect check's explanations, with DNS and routes made up: each way a connection fails. */
class ReachCheckTest {

    static ReachCheck with(List<String> addresses, IOException connectFails) {
        return new ReachCheck(new ReachCheck.Network() {
            @Override
            public List<String> resolve(String host) throws UnknownHostException {
                if (addresses == null) {
                    throw new UnknownHostException(host);
                }
                return addresses;
            }

            @Override
            public Socket connect(String host, String ip, Duration timeout) throws IOException {
                throw connectFails;
            }
        }, Duration.ofMillis(200));
    }

    static Cluster publicCluster(List<String> ranges) {
        return AdvisorTest.cluster(AdvisorTest.set("private", false, "ranges", ranges));
    }

    @Test
    void aRefusedConnectionToAPublicClusterWithRangesIsBlameOnTheRanges() {
        ReachCheck.Report r = with(List.of("20.61.1.2"), new ConnectException("Connection refused"))
                .check(publicCluster(List.of("203.0.113.0/24")), "198.51.100.7");
        ReachCheck.Probe p = r.probes().get(0);
        assertThat(r.reachable()).isFalse();
        assertThat(p.verdict()).isEqualTo(ReachCheck.Verdict.BLOCKED_BY_RANGES);
        assertThat(p.tcp()).isEqualTo("refused (Connection refused)");
        assertThat(p.explanation()).isEqualTo("blocked by the authorized IP ranges: your IP 198.51.100.7 is not in them; "
                + "'ranges add-my-ip --wait'");
        assertThat(with(List.of("20.61.1.2"), new java.net.SocketTimeoutException("connect timed out"))
                .check(publicCluster(List.of("203.0.113.0/24")), null).probes().get(0).explanation())
                .isEqualTo("probably blocked by the authorized IP ranges (this machine's IP is unknown): 'ranges show'");
    }

    @Test
    void withoutRangesOrWithMyIpInThemItIsJustUnreachable() {
        assertThat(with(List.of("20.61.1.2"), new ConnectException("Connection refused"))
                .check(publicCluster(List.of()), "198.51.100.7").probes().get(0).verdict())
                .isEqualTo(ReachCheck.Verdict.UNREACHABLE);
        assertThat(with(List.of("20.61.1.2"), new ConnectException("refused"))
                .check(publicCluster(List.of("198.51.100.0/24")), "198.51.100.7").probes().get(0).explanation())
                .isEqualTo("unreachable from here");
    }

    @Test
    void aPrivateClustersNamesAreTriedBothAndExplainedApart() {
        Cluster priv = AdvisorTest.cluster(AdvisorTest.set());
        ReachCheck.Report none = with(null, null).check(priv, null);
        assertThat(none.probes()).extracting(ReachCheck.Probe::role).containsExactly("private FQDN", "public FQDN");
        assertThat(none.probes().get(0).verdict()).isEqualTo(ReachCheck.Verdict.DNS_NOT_LINKED);
        assertThat(none.probes().get(1).verdict()).as("a public name that does not resolve").isEqualTo(ReachCheck.Verdict.UNREACHABLE);
        ReachCheck.Probe p = with(List.of("10.1.0.4"), new java.net.SocketTimeoutException("connect timed out"))
                .check(priv, null).probes().get(1);
        assertThat(p.dns()).isEqualTo("10.1.0.4 (private)");
        assertThat(p.verdict()).isEqualTo(ReachCheck.Verdict.NOT_ROUTABLE);
        Cluster offFqdn = AdvisorTest.cluster(AdvisorTest.set("publicFqdn", false));
        assertThat(with(null, null).check(offFqdn, null).probes()).extracting(ReachCheck.Probe::role)
                .containsExactly("private FQDN");
    }

    @Test
    void privateRangesAreRecognised() {
        assertThat(List.of("10.20.0.4", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1"))
                .allMatch(ReachCheck::isPrivate);
        assertThat(List.of("20.61.1.2", "172.32.0.1", "8.8.8.8", "not-an-ip")).noneMatch(ReachCheck::isPrivate);
    }
}
