package io.jenkins.plugins.bytebase.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenManagerTest {

    @Test
    void shouldReadTheExpiryOfAJwt() {
        Instant expiry = Instant.parse("2026-08-22T10:00:00Z");

        assertThat(TokenManager.expiryOf(TestTokens.jwtExpiringAt(expiry))).contains(expiry);
    }

    @Test
    void shouldReadNoExpiryFromAnOpaqueToken() {
        assertThat(TokenManager.expiryOf("opaque-token")).isEmpty();
        assertThat(TokenManager.expiryOf("a.b%%.c")).isEmpty();
        assertThat(TokenManager.expiryOf("a.bm90IGpzb24.c")).isEmpty();
    }
}
