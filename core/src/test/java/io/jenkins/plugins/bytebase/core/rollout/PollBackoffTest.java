package io.jenkins.plugins.bytebase.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollBackoffTest {

    private final PollBackoff backoff = PollBackoff.defaults();

    @Test
    void shouldGrowByHalfUpToTheCapWhileTheStageRuns() {
        long delay = backoff.nextMillis(0, true);
        StringBuilder delays = new StringBuilder().append(delay);
        for (int i = 0; i < 7; i++) {
            delay = backoff.nextMillis(delay, false);
            delays.append(' ').append(delay);
        }
        assertThat(delays).hasToString("500 750 1125 1687 2530 3795 5000 5000");
    }

    @Test
    void shouldComeBackToTheFirstDelayOnlyWhenAStageStarts() {
        assertThat(backoff.nextMillis(5000, true)).isEqualTo(500);
        assertThat(backoff.nextMillis(5000, false)).isEqualTo(5000);
    }

    @Test
    void shouldSpaceOutagePollsUpToAMinute() {
        PollBackoff outages = PollBackoff.outages();
        long delay = outages.nextMillis(0, false);
        List<Long> delays = new ArrayList<>(List.of(delay));
        while (delay < 60_000) {
            delay = outages.nextMillis(delay, false);
            delays.add(delay);
        }
        assertThat(delays).containsExactly(5000L, 7500L, 11250L, 16875L, 25312L, 37968L, 56952L, 60000L);
    }

    /**
     * The cadence over a stage of any length, computed from the schedule alone: every delay up to an hour, the polls
     * it costs, and how late a stage that ends at a given moment is noticed (the time to the next poll).
     */
    @Test
    void shouldNoticeAShortStageWithinASecondAndAnyStageWithinFiveSeconds() {
        List<Long> polls = pollTimes(Duration.ofHours(1));

        assertThat(polls.stream().filter(t -> t <= 15_400).count())
                .as("quick polls in the first 15 s")
                .isEqualTo(7);
        assertThat(noticeDelay(polls, 400)).as("a 0.4 s stage").isEqualTo(100);
        assertThat(noticeDelay(polls, 2_000)).as("a 2 s stage").isEqualTo(375);
        long worstWithinFourSeconds = 0;
        long worst = 0;
        for (long end = 1; end < Duration.ofHours(1).toMillis() - 5_000; end += 7) {
            long delay = noticeDelay(polls, end);
            worst = Math.max(worst, delay);
            if (end <= 4_000) {
                worstWithinFourSeconds = Math.max(worstWithinFourSeconds, delay);
            }
        }
        assertThat(worstWithinFourSeconds)
                .as("worst notice of a stage up to 4 s")
                .isLessThanOrEqualTo(1_687);
        assertThat(worst).as("worst notice of any stage").isLessThanOrEqualTo(5_000);
    }

    @Test
    void shouldCostTwelveRequestsAMinuteOnALongWaitPlusTheQuickStart() {
        for (int minutes : List.of(10, 60)) {
            long requests = pollTimes(Duration.ofMinutes(minutes)).size();
            assertThat(requests).as("GETs over %d minutes", minutes).isBetween(12L * minutes, 12L * minutes + 4);
        }
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

    /** When the polls after a stage start fall, in milliseconds since the start, up to {@code span}. */
    private List<Long> pollTimes(Duration span) {
        List<Long> times = new ArrayList<>();
        long delay = backoff.nextMillis(0, true);
        for (long time = delay; time <= span.toMillis(); time += delay) {
            times.add(time);
            delay = backoff.nextMillis(delay, false);
        }
        return times;
    }

    private static long noticeDelay(List<Long> polls, long stageEnd) {
        return polls.stream()
                .filter(poll -> poll >= stageEnd)
                .findFirst()
                .map(poll -> poll - stageEnd)
                .orElseThrow();
    }
}
