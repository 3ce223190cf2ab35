package io.jenkins.plugins.bytebase.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns failed exchanges into {@link BytebaseException}s that say what happened and what to do. Understands both
 * error bodies Bytebase sends: grpc-gateway's {@code {"code":5,"message":...}} and Connect's
 * {@code {"code":"not_found","message":...}}. Every text passes the {@link Redactor}.
 */
final class ErrorMapper {

    private static final int EXCERPT_LENGTH = 200;

    private static final String OUTCOME_UNKNOWN_REMEDY =
            "The request may have been carried out: check in Bytebase before running again";

    private final String baseUrl;
    private final Duration requestTimeout;
    private final String connectTimeout;
    private final String principal;
    private final Redactor redactor;

    ErrorMapper(String baseUrl, Duration requestTimeout, Duration connectTimeout, String principal, Redactor redactor) {
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
        this.connectTimeout = connectTimeout == null ? "the connect timeout" : Durations.format(connectTimeout);
        this.principal = principal;
        this.redactor = redactor;
    }

    /** An error answer to an API call (not login). */
    BytebaseException map(ApiCall call, HttpResult result) {
        ServerError error = parse(result.body());
        int status = result.status();
        String project = ResourceNames.projectOf(call.path().replaceFirst("^/v1/", ""));
        return switch (status) {
            case 400 -> new BytebaseException(
                    status,
                    error.code,
                    error.message,
                    "Bytebase rejected " + call.describe() + " as invalid: correct what the server names and run again",
                    null);
            case 401 -> new BytebaseAuthenticationException(
                    status,
                    error.code,
                    error.message,
                    "Bytebase refused the credentials of " + principal
                            + " even after a fresh login: check the service account and its secret",
                    null);
            case 403 -> new BytebasePermissionException(
                    status,
                    error.code,
                    error.message,
                    principal + " may not " + call.describe() + ": give the account the GitOps Service Agent role"
                            + " (roles/gitopsServiceAgent) in " + (project.isEmpty() ? "the project" : project),
                    null);
            case 404 -> new BytebaseNotFoundException(
                    status, error.code, error.message, notFoundRemedy(call, error), null);
            case 409 -> new BytebaseException(
                    status,
                    error.code,
                    error.message,
                    "Bytebase reports a conflict: the resource already exists",
                    null);
            case 429 -> new BytebaseException(
                    status,
                    error.code,
                    error.message,
                    "Bytebase is rate limiting requests, or the workspace reached its VCS-user licence limit:"
                            + " wait and run again, or ask the Bytebase administrator about the licence",
                    null);
            default -> otherStatus(call, result, error);
        };
    }

    /** The access token given to the client was refused; it cannot be renewed. */
    BytebaseException accessTokenRefused(HttpResult result) {
        ServerError error = parse(result.body());
        return new BytebaseAuthenticationException(
                result.status(),
                error.code,
                error.message,
                "Bytebase refused the access token (expired or revoked): supply a fresh access token",
                null);
    }

    /** Login answered with an error. */
    BytebaseException loginFailed(HttpResult result) {
        ServerError error = parse(result.body());
        int status = result.status();
        if (status == 401) {
            String lockout = error.message.toLowerCase(Locale.ROOT).contains("too many")
                    ? "; repeated failures lock the account for a while"
                    : "";
            return new BytebaseAuthenticationException(
                    status,
                    error.code,
                    error.message,
                    "Login as " + principal + " failed: check the service account email and its secret" + lockout,
                    null);
        }
        if (status == 403) {
            return new BytebasePermissionException(
                    status,
                    error.code,
                    error.message,
                    "Login as " + principal + " was refused: check that the service account exists and is active",
                    null);
        }
        return map(ApiCall.post("/v1/auth/login", (RequestBody) null, "login of " + principal), result);
    }

    /** A 2xx answer whose body is not the JSON we expected. */
    BytebaseException malformed(ApiCall call, HttpResult result, Exception cause) {
        return new BytebaseException(
                result.status(),
                "",
                "the answer to " + call.describe() + " was not the expected JSON: " + excerpt(result.body()),
                "Check that the URL " + baseUrl + " points at Bytebase itself: a proxy, login or error page may have"
                        + " answered instead",
                redactedCause(cause));
    }

    BytebaseException transportFailure(ApiCall call, IOException failure) {
        if (!call.idempotent() && !TransportFailures.notCarriedOut(failure)) {
            return outcomeUnknown(call, failure);
        }
        if (failure instanceof HttpExecutor.UnwritableBody) {
            return new BytebaseException(
                    0,
                    "",
                    "Could not write the request body of " + call.describe() + " ("
                            + redactor.scrub(String.valueOf(failure.getCause()))
                            + "); Bytebase did not receive it whole",
                    "This is a fault of the client, not of the files or the server: report it with the stack trace",
                    redactedCause(failure.getCause()));
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return new BytebaseTimeoutException(
                    0,
                    "",
                    "Could not connect to " + baseUrl + " within " + connectTimeout + " (connect timeout)",
                    "Check the URL, the network path and the proxy settings; raise the connect timeout if the server"
                            + " is slow to accept connections",
                    redactedCause(failure));
        }
        if (failure instanceof HttpTimeoutException) {
            return new BytebaseTimeoutException(
                    0,
                    "",
                    "No answer from Bytebase to " + call.describe() + " within " + Durations.format(requestTimeout)
                            + " (request timeout)",
                    "The server or a proxy is slow or stuck: check the server's health, or raise the request timeout",
                    redactedCause(failure));
        }
        if (failure instanceof ConnectException) {
            return new BytebaseException(
                    0,
                    "",
                    "Could not connect to " + baseUrl + " (" + describeFailure(failure) + ")",
                    "Check the URL and that the server is running and reachable from here (proxy settings?)",
                    redactedCause(failure));
        }
        if (failure instanceof SSLException) {
            return new BytebaseException(
                    0,
                    "",
                    "TLS with " + baseUrl + " failed (" + describeFailure(failure) + ")",
                    "Check that this JVM trusts the server's certificate and that the URL's scheme and port are right",
                    redactedCause(failure));
        }
        return new BytebaseException(
                0,
                "",
                "The connection to " + baseUrl + " broke before Bytebase answered " + call.describe() + " ("
                        + describeFailure(failure) + ")",
                "Check the network and any proxy between here and Bytebase, then run again",
                redactedCause(failure));
    }

    /** A request that changes something broke off after it may have reached the server. */
    private BytebaseOutcomeUnknownException outcomeUnknown(ApiCall call, IOException failure) {
        String what = failure instanceof HttpTimeoutException
                ? "No answer from Bytebase to " + call.describe() + " within " + Durations.format(requestTimeout)
                        + " (request timeout)"
                : "The connection to " + baseUrl + " broke before Bytebase answered " + call.describe() + " ("
                        + describeFailure(failure) + ")";
        return new BytebaseOutcomeUnknownException(
                0, "", what, OUTCOME_UNKNOWN_REMEDY, call.describe(), redactedCause(failure));
    }

    BytebaseException interrupted(ApiCall call) {
        return new BytebaseException(
                0, "", "Interrupted while waiting for Bytebase to answer " + call.describe(), "", null);
    }

    /** A short description of an I/O failure for logs, e.g. {@code connection refused}. */
    String describeFailure(IOException failure) {
        Throwable cause = failure;
        String text = null;
        while (cause != null && text == null) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                text = cause.getMessage();
            }
            cause = cause.getCause();
        }
        String name = failure.getClass().getSimpleName();
        return redactor.scrub(text == null ? name : name + ": " + text);
    }

    private String notFoundRemedy(ApiCall call, ServerError error) {
        if (!error.fromServer() || error.message.contains("routing error")) {
            return "The server does not know " + call.describe() + ": check that " + baseUrl
                    + " is the Bytebase URL (without /v1) and that Bytebase is 3.15 or later";
        }
        return "Bytebase could not find " + call.subject()
                + ": check the name, and that the service account can see it";
    }

    private BytebaseException otherStatus(ApiCall call, HttpResult result, ServerError error) {
        int status = result.status();
        if (!call.idempotent() && (status == 502 || status == 504)) {
            return new BytebaseOutcomeUnknownException(
                    status,
                    error.code,
                    error.message,
                    "A gateway between here and Bytebase answered " + call.describe() + " with " + status
                            + " and may have lost Bytebase's answer. " + OUTCOME_UNKNOWN_REMEDY,
                    call.describe(),
                    null);
        }
        if (status >= 500) {
            return new BytebaseException(
                    status,
                    error.code,
                    error.message,
                    "Bytebase had trouble answering " + call.describe() + ": try again later; if it persists, check"
                            + " the server's health and logs",
                    null);
        }
        if (status >= 300 && status < 400) {
            String location = result.header("Location");
            return new BytebaseException(
                    status,
                    error.code,
                    error.message,
                    "The server redirects" + (location == null ? "" : " to " + redactor.scrub(location))
                            + ": configure the final Bytebase URL (redirects are not followed, so the token never"
                            + " goes to another address)",
                    null);
        }
        return new BytebaseException(
                status, error.code, error.message, "Unexpected answer from Bytebase to " + call.describe(), null);
    }

    /** The server's code and message, or an excerpt when the body is not the server's error JSON. */
    ServerError parse(String body) {
        JsonNode json = WireJson.tree(body);
        if (json != null && json.isObject() && (json.has("message") || json.has("code"))) {
            String code = json.path("code").isValueNode() ? json.path("code").asText() : "";
            return new ServerError(
                    redactor.scrub(code), redactor.scrub(json.path("message").asText("")), true);
        }
        String text = body == null || body.isBlank() ? "" : "the answer was not JSON: " + excerpt(body);
        return new ServerError("", text, false);
    }

    String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty)";
        }
        String text = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        if (text.length() > EXCERPT_LENGTH) {
            text = text.substring(0, EXCERPT_LENGTH) + "…";
        }
        return "\"" + redactor.scrub(text) + "\"";
    }

    /**
     * Causes are kept for stack traces, but as a plain exception whose message went through the redactor (a JDK or
     * Jackson message may quote what was sent or received).
     */
    private Throwable redactedCause(Throwable cause) {
        if (cause == null) {
            return null;
        }
        IOException copy = new IOException(cause.getClass().getName() + ": " + redactor.scrub(cause.getMessage()));
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }

    /**
     * @param fromServer whether the body was Bytebase's error JSON; otherwise something in between (a proxy, a web
     *     server at the wrong URL) answered
     */
    record ServerError(String code, String message, boolean fromServer) {}
}
