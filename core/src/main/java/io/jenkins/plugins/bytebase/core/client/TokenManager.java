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
 * Supplies the bearer token of one set of credentials, shared by every client of a connection that uses them. A service
 * account logs in lazily and keeps its token until shortly before it expires (read from the JWT's {@code exp}, else
 * assumed to be the server's fixed hour), so there is one login per token lifetime however many threads call:
 * callers that need a login while one is under way wait for it and share its outcome, and while a token is renewed
 * ahead of its expiry the others go on with the old one. A ready access token is passed through untouched.
 *
 * <p>A login that the server refused (401, 403) is remembered for {@link #REFUSAL_MEMORY}: a thousand waiting builds
 * must not try a wrong secret a thousand times, since repeated failures lock the account.
 */
final class TokenManager {

    /** Lifetime of service-account tokens on the real server, used when the token does not say. */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    /** Renew this long before expiry, so a token never expires between check and use. */
    static final Duration RENEW_AHEAD = Duration.ofMinutes(5);

    /** How long a refused login is answered from memory rather than tried again. */
    static final Duration REFUSAL_MEMORY = Duration.ofMinutes(1);

    private final Credentials credentials;
    private final Clock clock;
    private final Redactor redactor = new Redactor();
    private final SingleFlight<Token> logins = new SingleFlight<>();

    private Token current; // guarded by this
    private String previous; // guarded by this; still masked, calls may be under way with it
    private BytebaseException refusal; // guarded by this
    private Instant refusalUntil = Instant.MIN; // guarded by this
    private volatile Instant lastUsed;

    TokenManager(Credentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
        this.lastUsed = clock.instant();
        if (credentials instanceof Credentials.ServiceAccount account) {
            redactor.add(account.secret());
        } else if (credentials instanceof Credentials.AccessToken token) {
            redactor.add(token.token());
        }
    }

    /** Masks the secret and the tokens in use. */
    Redactor redactor() {
        return redactor;
    }

    /** When a client was last made with these credentials or asked for a token; idle holders leave the cache. */
    Instant lastUsed() {
        return lastUsed;
    }

    void touch() {
        lastUsed = clock.instant();
    }

    /** Whether a refused token can be replaced by logging in again. */
    boolean canRenew() {
        return credentials instanceof Credentials.ServiceAccount;
    }

    /** A token that is valid for a while yet; logs in when there is none, once for all callers. */
    String token(CallContext context) {
        touch();
        if (credentials instanceof Credentials.AccessToken token) {
            return token.token();
        }
        synchronized (this) {
            Instant now = clock.instant();
            if (current != null && now.isBefore(current.renewAt())) {
                return current.value();
            }
            if (refusal != null && now.isBefore(refusalUntil)) {
                throw remembered(refusal);
            }
            if (current != null && now.isBefore(current.expiry()) && logins.running()) {
                return current.value(); // another caller is renewing it; this one is still good
            }
        }
        try {
            return logins.run(() -> renew(context)).value();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw context.errors().interrupted(loginCall((Credentials.ServiceAccount) credentials));
        }
    }

    /**
     * Forgets a token the server refused, so the next {@link #token} logs in. A token another thread already
     * replaced is left alone: many threads refused at once still cause a single login.
     */
    synchronized void refused(String token) {
        if (current != null && current.value().equals(token)) {
            current = null;
        }
    }

    private Token renew(CallContext context) {
        synchronized (this) {
            if (current != null && clock.instant().isBefore(current.renewAt())) {
                return current; // renewed by a caller that finished just before this one started
            }
        }
        Token fresh;
        try {
            fresh = login((Credentials.ServiceAccount) credentials, context);
        } catch (BytebaseAuthenticationException | BytebasePermissionException e) {
            synchronized (this) {
                refusal = e;
                refusalUntil = clock.instant().plus(REFUSAL_MEMORY);
            }
            throw e;
        }
        synchronized (this) {
            redactor.remove(previous);
            previous = current == null ? null : current.value();
            current = fresh;
            refusal = null;
        }
        return fresh;
    }

    private static ApiCall loginCall(Credentials.ServiceAccount account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", account.email());
        body.put("password", account.secret());
        return new ApiCall("POST", "/v1/auth/login", RequestBody.of(body), true, "login of " + account.email());
    }

    private Token login(Credentials.ServiceAccount account, CallContext context) {
        ApiCall call = loginCall(account);
        ErrorMapper errors = context.errors();
        HttpResult result =
                context.retries().execute(call, () -> context.transport().send(call, null, WireJson.objectReader()));
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
        return new Token(token, expiry.minus(ahead), expiry);
    }

    /** The refusal again, for another caller: its own stack, and a word on why no login was tried. */
    private static BytebaseException remembered(BytebaseException refusal) {
        String remedy = refusal.remedy() + " (the server refused this login less than a minute ago; it is not tried"
                + " again sooner, so that repeated failures do not lock the account)";
        if (refusal instanceof BytebasePermissionException) {
            return new BytebasePermissionException(
                    refusal.status(), refusal.serverCode(), refusal.serverMessage(), remedy, null);
        }
        return new BytebaseAuthenticationException(
                refusal.status(), refusal.serverCode(), refusal.serverMessage(), remedy, null);
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

    /** A token, the moment to replace it and its expiry. {@link #toString()} hides the value. */
    private record Token(String value, Instant renewAt, Instant expiry) {
        @Override
        public String toString() {
            return "Token[****, renewAt=" + renewAt + ", expiry=" + expiry + "]";
        }
    }
}
