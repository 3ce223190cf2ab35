package io.jenkins.plugins.bytebase.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NumberedProbeTest {

    @Test
    void shouldFindTheHighestNumberWithFewReads() {
        for (long count : List.of(0L, 1L, 2L, 3L, 7L, 100L, 5000L)) {
            List<Long> reads = new ArrayList<>();
            NumberedProbe<Long> probe = new NumberedProbe<>(number -> {
                reads.add(number);
                return number < 101 + count ? Optional.of(number) : Optional.empty();
            });

            long highest = probe.highest(101);

            assertThat(highest).as("%d resources", count).isEqualTo(100 + count);
            long bound = 2 * (64 - Long.numberOfLeadingZeros(count + 1)) + 2;
            assertThat(reads).as("reads for %d resources", count).hasSizeLessThanOrEqualTo((int) bound);
            assertThat(reads).as("each number read once").doesNotHaveDuplicates();
        }
    }

    @Test
    void shouldReadANumberOnlyOnce() {
        List<Long> reads = new ArrayList<>();
        NumberedProbe<Long> probe = new NumberedProbe<>(number -> {
            reads.add(number);
            return Optional.of(number);
        });

        probe.at(7);
        probe.at(7);

        assertThat(reads).containsExactly(7L);
    }
}
