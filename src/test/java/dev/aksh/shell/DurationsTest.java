package dev.aksh.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aksh.error.AkshException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"90, 90000", "90s, 90000", "10m, 600000", "1h30m, 5400000", "500ms, 500", "1.5s, 1500", "2M, 120000"})
    void parsesWhatOperatorsWrite(String text, long millis) {
        assertThat(Durations.parse(text, "--timeout")).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "10 minutes", "-5s", "0s", "5s3", "m"})
    void refusesAnythingElseNamingTheOption(String text) {
        assertThatThrownBy(() -> Durations.parse(text, "--timeout"))
                .isInstanceOf(AkshException.class).hasMessageContaining("--timeout takes a duration");
    }

    @ParameterizedTest
    @CsvSource({"850, 850ms", "4200, 4.2s", "65000, 1m05s", "3725000, 1h02m"})
    void formatsForPeople(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    }
}
