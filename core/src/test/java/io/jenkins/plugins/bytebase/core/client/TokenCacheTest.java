package io.jenkins.plugins.bytebase.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private static final String SECRET = "bbs_cache_secret_12345";

    @Test
    void shouldShareOneHolderPerCredentialsAndAnotherForAChangedSecret() {
        TokenCache cache = new TokenCache(Clock.systemUTC());
        TokenManager holder = cache.holder(Credentials.serviceAccount("ci@service.bytebase.com", SECRET));

        assertThat(cache.holder(Credentials.serviceAccount("ci@service.bytebase.com", SECRET)))
                .isSameAs(holder);
        assertThat(cache.holder(Credentials.serviceAccount("ci@service.bytebase.com", SECRET + "x")))
                .isNotSameAs(holder);
        assertThat(cache.holder(Credentials.serviceAccount("cd@service.bytebase.com", SECRET)))
                .isNotSameAs(holder);
        assertThat(cache.holder(Credentials.accessToken(SECRET))).isNotSameAs(holder);
        assertThat(cache.size()).isEqualTo(4);
    }

    @Test
    void shouldKeyByAKeyedHashThatShowsNothingOfTheSecret() {
        Credentials credentials = Credentials.serviceAccount("ci@service.bytebase.com", SECRET);
        TokenCache cache = new TokenCache(Clock.systemUTC());

        String key = cache.fingerprint(credentials);

        assertThat(key).hasSize(64).doesNotContain(SECRET).doesNotContain("bbs_");
        assertThat(new TokenCache(Clock.systemUTC()).fingerprint(credentials))
                .as("another cache, another key: a logged key cannot be matched against a guessed secret elsewhere")
                .isNotEqualTo(key);
    }

    @Test
    void shouldDropHoldersNobodyUsedForTwoHours() {
        TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        TokenCache cache = new TokenCache(clock);
        Credentials idle = Credentials.serviceAccount("ci@service.bytebase.com", SECRET);
        Credentials busy = Credentials.serviceAccount("cd@service.bytebase.com", SECRET);
        TokenManager idleHolder = cache.holder(idle);
        cache.holder(busy);

        clock.advance(TokenCache.IDLE_LIMIT.minusMinutes(1));
        TokenManager busyHolder = cache.holder(busy);
        clock.advance(Duration.ofMinutes(2));

        assertThat(cache.holder(busy)).isSameAs(busyHolder);
        assertThat(cache.holder(idle)).as("made anew").isNotSameAs(idleHolder);
    }
}
