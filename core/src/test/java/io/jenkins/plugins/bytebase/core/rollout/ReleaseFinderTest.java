package io.jenkins.plugins.bytebase.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The release ids the server renders from a template, as the finder renders them to look for a lost release. */
class ReleaseFinderTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void shouldRenderTheTemplateAsTheServerDoes() {
        ZonedDateTime time = ZonedDateTime.of(2026, 8, 22, 9, 5, 30, 0, UTC);

        assertThat(ReleaseFinder.render("release_{date}-RC{iteration}", time)).isEqualTo("release_20260822-RC");
        assertThat(ReleaseFinder.render("hr_{timestamp}-{iteration}", time)).isEqualTo("hr_20260822_0905-");
        assertThat(ReleaseFinder.render("{date}.{time}.{iteration}", time)).isEqualTo("20260822.0905.");
    }

    @Test
    void shouldTryEachMinuteOfTheWindowOnceNewestFirst() {
        Instant from = Instant.parse("2026-08-22T23:58:10Z");
        Instant to = Instant.parse("2026-08-23T00:01:05Z");

        assertThat(ReleaseFinder.prefixes("r_{date}-{iteration}", UTC, from, to))
                .containsExactly("r_20260823-", "r_20260822-");
        assertThat(ReleaseFinder.prefixes("r_{timestamp}-{iteration}", UTC, from, to))
                .containsExactly("r_20260823_0001-", "r_20260823_0000-", "r_20260822_2359-", "r_20260822_2358-");
        assertThat(ReleaseFinder.prefixes("r_{date}-{iteration}", ZoneId.of("Asia/Tokyo"), from, to))
                .containsExactly("r_20260823-");
    }
}
