package io.jenkins.plugins.bytebase.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollBackoffTest {

    private final PollBackoff backoff = PollBackoff.defaults();

    @Test
    void shouldDoubleUpToTheCapWhileNothingChanges() {
        long delay = backoff.nextMillis(0, false);
        StringBuilder delays = new StringBuilder().append(delay);
        for (int i = 0; i < 6; i++) {
            delay = backoff.nextMillis(delay, false);
            delays.append(' ').append(delay);
        }
        assertThat(delays).hasToString("500 1000 2000 4000 5000 5000 5000");
    }

    @Test
    void shouldResetWhenSomethingChanges() {
        assertThat(backoff.nextMillis(5000, true)).isEqualTo(500);
    }

    @Test
    void shouldHonourAConfiguredCap() {
        PollBackoff fast = new PollBackoff(Duration.ofMillis(20), Duration.ofMillis(50));

        assertThat(fast.nextMillis(40, false)).isEqualTo(50);
    }

    @Test
    void shouldRefuseACapBelowTheFirstDelay() {
        assertThatThrownBy(() -> new PollBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cap");
        assertThatThrownBy(() -> new PollBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
