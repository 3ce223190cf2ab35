package io.jenkins.plugins.bytebase.core.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Tokens shaped like the server's JWTs; the signature is not checked by the client. */
final class TestTokens {

    private TestTokens() {}

    static String jwtExpiringAt(Instant expiry) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims =
                encoder.encodeToString(("{\"sub\":\"ci@service.bytebase.com\",\"exp\":" + expiry.getEpochSecond() + "}")
                        .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".c2lnbmF0dXJl";
    }

    static String jwtExpiringIn(Duration lifetime) {
        return jwtExpiringAt(Instant.now().plus(lifetime));
    }
}
