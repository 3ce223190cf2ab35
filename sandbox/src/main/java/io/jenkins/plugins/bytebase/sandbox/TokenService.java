package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Logs the service account in and checks bearer tokens. Tokens look like JWTs and carry an {@code exp} claim. */
final class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String secret;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();

    TokenService(String secret, Duration lifetime, Clock clock) {
        this.secret = secret;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "bbs_" + BASE64URL.encodeToString(bytes).replace('-', 'a').replace('_', 'b');
    }

    /** {@code POST /v1/auth/login}. */
    JsonNode login(JsonNode body) {
        String email = Json.text(body, "email");
        String password = Json.text(body, "password");
        if (!BytebaseSandbox.SERVICE_ACCOUNT.equals(email) || !constantTimeEquals(secret, password)) {
            throw ApiException.unauthenticated("the email or password is not valid");
        }
        if (body.path("web").asBoolean(false)) {
            throw new ApiException(GrpcCode.PERMISSION_DENIED, "only users can use web login");
        }
        Instant now = clock.instant();
        Instant expiry = now.plus(lifetime);
        String token = newToken(email, now, expiry);
        expiryByToken.put(token, expiry);
        ObjectNode response = Json.object();
        response.put("token", token);
        ObjectNode user = response.putObject("user");
        user.put("name", "users/" + email);
        user.put("email", email);
        user.put("title", "api-example");
        user.put("state", "ACTIVE");
        return response;
    }

    /** Checks an {@code Authorization} header: exactly {@code Bearer <token>}, "bearer" in any case. */
    void authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthenticated("authorization header not found");
        }
        String[] words = authorization.trim().split(" ");
        if (words.length != 2 || !"bearer".equalsIgnoreCase(words[0])) {
            throw ApiException.unauthenticated("authorization header format must be Bearer {token}");
        }
        Instant expiry = expiryByToken.get(words[1]);
        if (expiry == null) {
            throw ApiException.unauthenticated("failed to parse claim: the access token is not valid");
        }
        if (!clock.instant().isBefore(expiry)) {
            throw ApiException.unauthenticated("access token expired");
        }
    }

    /** Every token issued so far expires now. */
    void expireAll() {
        Instant now = clock.instant();
        expiryByToken.replaceAll((token, expiry) -> now);
    }

    void clear() {
        expiryByToken.clear();
    }

    private static String newToken(String email, Instant now, Instant expiry) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        ObjectNode claims = Json.object();
        claims.put("sub", email);
        claims.put("iss", "bytebase");
        claims.put("aud", "bb.user.access.sandbox");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", expiry.getEpochSecond());
        byte[] signature = new byte[32];
        RANDOM.nextBytes(signature);
        return encode(header) + "." + encode(Json.write(claims)) + "." + BASE64URL.encodeToString(signature);
    }

    private static String encode(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
