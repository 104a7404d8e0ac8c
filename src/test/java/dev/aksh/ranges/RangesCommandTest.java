package dev.aksh.ranges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aksh.shell.completion.Suggestion;
import dev.aksh.testing.InProcessAksh;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranges commands in process: JSON for scripts, read-only mode, completion of entries. */
class RangesCommandTest {

    @Test
    void showGivesScriptsTheWholePictureAsJson() throws Exception {
        try (InProcessAksh aksh = InProcessAksh.sandbox()) {
            JsonNode j = new ObjectMapper().readTree(aksh.run("ranges show --cluster aks-web -o json"));
            assertThat(j.get("cluster").asText()).isEqualTo("aks-web");
            assertThat(j.get("enabled").asBoolean()).isTrue();
            assertThat(j.get("ranges").toString()).isEqualTo("[\"73.140.245.0/24\",\"137.117.106.88/29\"]");
            assertThat(j.get("myIp").asText()).isEqualTo("84.17.53.201");
            assertThat(j.get("myIpCovered").asBoolean()).isFalse();
            assertThat(j.get("outboundIps").get(0).get("ip").asText()).isEqualTo("51.124.77.10");
            assertThat(j.get("answersFromHere").asBoolean()).isFalse();
        }
    }

    @Test
    void readOnlyModeRefusesEveryChangeButNotShowOrCheck() throws Exception {
        try (InProcessAksh aksh = InProcessAksh.sandbox("--read-only")) {
            for (String change : List.of("ranges add 1.2.3.4", "ranges add-my-ip", "ranges remove 73.140.245.0/24",
                    "ranges set 1.2.3.4", "ranges clear", "ranges add-bastion-ip")) {
                aksh.run(change + " --cluster aks-web");
                assertThat(aksh.last().status()).as(change).isEqualTo(67);
                assertThat(aksh.last().error().getMessage()).as(change).endsWith("changes state and read-only mode is on");
            }
            aksh.run("ranges check 73.140.245.9 --cluster aks-web");
            assertThat(aksh.last().status()).isZero();
        }
    }

    @Test
    void removeCompletesTheCurrentClustersEntries() throws Exception {
        try (InProcessAksh aksh = InProcessAksh.sandbox()) {
            aksh.run("cluster use aks-web");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<String> values = List.of();
            while (!values.contains("73.140.245.0/24") && System.nanoTime() < deadline) {
                values = aksh.aksh().completion().complete("ranges remove ").stream().map(Suggestion::value).toList();
                Thread.sleep(50);
            }
            assertThat(values).contains("73.140.245.0/24", "137.117.106.88/29");
        }
    }
}
