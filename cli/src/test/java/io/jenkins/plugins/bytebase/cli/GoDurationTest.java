package io.jenkins.plugins.bytebase.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

    @Test
    void shouldParseGoDurations() {
        assertThat(GoDuration.parse("120s")).isEqualTo(Duration.ofSeconds(120));
        assertThat(GoDuration.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(GoDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(GoDuration.parse("3us")).isEqualTo(Duration.ofNanos(3000));
        assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldRefuseWhatGoRefuses() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GoDuration.parse("120"))
                .withMessageContaining("120s");
        assertThatIllegalArgumentException().isThrownBy(() -> GoDuration.parse("5 m"));
        assertThatIllegalArgumentException().isThrownBy(() -> GoDuration.parse("m"));
        assertThatIllegalArgumentException().isThrownBy(() -> GoDuration.parse("2d"));
        assertThatIllegalArgumentException().isThrownBy(() -> GoDuration.parse(""));
    }
}
