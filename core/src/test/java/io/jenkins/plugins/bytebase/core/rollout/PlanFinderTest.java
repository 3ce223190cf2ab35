package io.jenkins.plugins.bytebase.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanFinderTest {

    @Test
    void shouldKnowWhichServersNumberPlansPerProject() {
        assertThat(PlanFinder.numbersPlansPerProject("3.15.0")).isFalse();
        assertThat(PlanFinder.numbersPlansPerProject("v3.16.2")).isFalse();
        assertThat(PlanFinder.numbersPlansPerProject("3.16")).isFalse();
        assertThat(PlanFinder.numbersPlansPerProject("3.17.0")).isTrue();
        assertThat(PlanFinder.numbersPlansPerProject("3.21.1")).isTrue();
        assertThat(PlanFinder.numbersPlansPerProject("3.150.0")).isTrue();
        assertThat(PlanFinder.numbersPlansPerProject("latest")).isTrue();
    }
}
