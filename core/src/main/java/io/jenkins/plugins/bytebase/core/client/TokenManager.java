package io.jenkins.plugins.bytebase.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Supplies the bearer token. A service account logs in lazily and keeps its token until shortly before it expires
 * (read from the JWT's {@code exp}, else assumed to be the server's fixed hour), so there is one login per token
 * lifetime however many threads call. A ready access token is passed through untouched.
 */
final class TokenManager {

    /** Lifetime of service-account tokens on the real server, used when the token does not say. */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    /** Renew this long before expiry, so a token never expires between check and use. */
    static final Duration RENEW_AHEAD = Duration.ofMinutes(5);

    private final Credentials credentials;
    private final HttpExecutor executor;
    private final RetryLoop retryLoop;
    private final ErrorMapper errors;
    private final Redactor redactor;
    private final Clock clock;

    private Token current; // guarded by this

    TokenManager(
            Credentials credentials,
            HttpExecutor executor,
            RetryLoop retryLoop,
            ErrorMapper errors,
            Redactor redactor,
            Clock clock) {
        this.credentials = credentials;
        this.executor = executor;
        this.retryLoop = retryLoop;
        this.errors = errors;
        this.redactor = redactor;
        this.clock = clock;
        if (credentials instanceof Credentials.ServiceAccount account) {
            redactor.add(account.secret());
        } else if (credentials instanceof Credentials.AccessToken token) {
            redactor.add(token.token());
        }
    }

    /** Whether a refused token can be replaced by logging in again. */
    boolean canRenew() {
        return credentials instanceof Credentials.ServiceAccount;
    }

    /** A token that is valid for a while yet; logs in when there is none. */
    synchronized String token() {
        if (credentials instanceof Credentials.AccessToken token) {
            return token.token();
        }
        if (current == null || !clock.instant().isBefore(current.renewAt())) {
            current = login((Credentials.ServiceAccount) credentials);
        }
        return current.value();
    }

    /**
     * Forgets a token the server refused, so the next {@link #token()} logs in. A token another thread already
     * replaced is left alone: many threads refused at once still cause a single login.
     */
    synchronized void refused(String token) {
        if (current != null && current.value().equals(token)) {
            current = null;
        }
    }

    private Token login(Credentials.ServiceAccount account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", account.email());
        body.put("password", account.secret());
        ApiCall call = new ApiCall("POST", "/v1/auth/login", RequestBody.of(body), true, "login of " + account.email());
        HttpResult result = retryLoop.execute(call, () -> executor.send(call, null, WireJson.objectReader()));
        if (!result.isSuccess()) {
            throw errors.loginFailed(result);
        }
        if (!(result.value() instanceof JsonNode json)) {
            throw errors.malformed(call, result, result.unreadable());
        }
        String token = json.path("token").asText("");
        if (token.isBlank()) {
            throw new BytebaseAuthenticationException(
                    result.status(),
                    "",
                    "login of " + account.email() + " returned no token",
                    json.hasNonNull("mfaTempToken")
                            ? "The account requires multi-factor authentication: use a service account instead"
                            : "Use a service account (name@service.bytebase.com) and its bbs_ secret",
                    null);
        }
        redactor.add(token);
        Instant now = clock.instant();
        Instant expiry = expiryOf(token).filter(now::isBefore).orElse(now.plus(DEFAULT_LIFETIME));
        Duration lifetime = Duration.between(now, expiry);
        Duration ahead = lifetime.dividedBy(10).compareTo(RENEW_AHEAD) < 0 ? lifetime.dividedBy(10) : RENEW_AHEAD;
        return new Token(token, expiry.minus(ahead));
    }

    /** The {@code exp} claim of a JWT, if the token is one and has it; the signature is the server's business. */
    static Optional<Instant> expiryOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims =
                    WireJson.tree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode exp = claims == null ? null : claims.get("exp");
            return exp != null && exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A token and the moment to replace it. {@link #toString()} hides the value. */
    private record Token(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "Token[****, renewAt=" + renewAt + "]";
        }
    }
}
