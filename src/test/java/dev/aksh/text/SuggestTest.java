package dev.aksh.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestTest {
    private static final List<String> NAMES = List.of("cluster list", "cluster use", "cluster show", "context",
            "subscription list", "aks-payments", "aks-web", "aks-ledger");

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "clustr list, cluster list",
        "cluster lsit, cluster list",
        "contxt, context",
        "aks-paymnts, aks-payments",
        "aks-wbe, aks-web",
        "subscription, subscription list",
        "xyz, null",
        "kubernetes, null",
    })
    void proposesTheNearestNameOnlyWhenItIsALikelyTypo(String typed, String expected) {
        assertThat(Suggest.nearest(typed, NAMES)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"abc, abc, 0", "abc, acb, 1", "abc, ab, 1", "kitten, sitting, 3", "'', abc, 3"})
    void distanceCountsEditsWithTranspositions(String a, String b, int d) {
        assertThat(Suggest.distance(a, b)).isEqualTo(d);
    }
}
