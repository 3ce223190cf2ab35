package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * The HTTP front: records each request, applies faults, routes like grpc-gateway, validates the body against the
 * schema, checks the bearer token, and writes the JSON answer or the gateway's error shape.
 */
final class ApiRouter implements HttpHandler {

    private static final String LOGIN_PATH = "/v1/auth/login";

    private final List<Route> routes;
    private final Supplier<RequestValidator> validator;
    private final TokenService tokens;
    private final Faults faults;
    private final SandboxState state;
    private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
    private final List<RequestTiming> timings = new CopyOnWriteArrayList<>();

    ApiRouter(
            List<Route> routes,
            Supplier<RequestValidator> validator,
            TokenService tokens,
            Faults faults,
            SandboxState state) {
        this.routes = List.copyOf(routes);
        this.validator = validator;
        this.tokens = tokens;
        this.faults = faults;
        this.state = state;
    }

    List<RecordedRequest> recorded() {
        return List.copyOf(recorded);
    }

    List<RequestTiming> timings() {
        return List.copyOf(timings);
    }

    void clearRecorded() {
        recorded.clear();
        timings.clear();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant received = Instant.now();
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String pathAndQuery = query == null ? path : path + "?" + query;
        try {
            handle(exchange, method, path, query, pathAndQuery);
        } finally {
            timings.add(new RequestTiming(method, pathAndQuery, received, Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    private void handle(HttpExchange exchange, String method, String path, String query, String pathAndQuery)
            throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int clientPort = exchange.getRemoteAddress().getPort();
            sleep(faults.latency());
            Faults.Fault fault = faults.take(LOGIN_PATH.equals(path));
            if ((fault != null && fault.kind() == Faults.Kind.DROP)
                    || (fault == null && dropBeforeApply(method, path))) {
                recorded.add(new RecordedRequest(method, pathAndQuery, body, 0, clientPort));
                return; // closing the exchange without headers closes the connection
            }
            Answer answer = fault != null
                    ? faultAnswer(fault)
                    : answer(
                            method,
                            path,
                            query,
                            body,
                            exchange.getRequestHeaders().getFirst("Authorization"));
            if (fault == null && answer.status / 100 == 2 && dropAfterApply(method, path)) {
                recorded.add(new RecordedRequest(method, pathAndQuery, body, 0, clientPort));
                return; // carried out, and now the answer is lost with the connection
            }
            recorded.add(new RecordedRequest(method, pathAndQuery, body, answer.status, clientPort));
            send(exchange, answer);
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {
        static Answer json(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    private Answer answer(String method, String path, String query, String body, String authorizationHeader) {
        try {
            List<Route> matching = routes.stream()
                    .filter(route -> route.path().matcher(path).matches())
                    .toList();
            if (matching.isEmpty()) {
                throw ApiException.notFound("gateway routing error: no route for " + method + " " + path);
            }
            Route route = matching.stream()
                    .filter(r -> r.method().equals(method))
                    .findFirst()
                    .orElseThrow(() -> new ApiException(GrpcCode.UNIMPLEMENTED, 405, "Method Not Allowed"));
            JsonNode json = body.isBlank() ? Json.object() : Json.parse(body);
            validator.get().validate(route.operationId(), json);
            if (route.authenticated()) {
                tokens.authenticate(authorizationHeader);
            }
            ApiRequest request = new ApiRequest(vars(route, path), parseQuery(query), json);
            JsonNode response;
            synchronized (state) {
                state.advance();
                response = route.handler().handle(request);
            }
            return Answer.json(200, Json.write(response));
        } catch (ApiException e) {
            return Answer.json(e.httpStatus(), Json.error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            return Answer.json(500, Json.error(GrpcCode.INTERNAL, "sandbox internal error: " + e));
        }
    }

    private boolean dropAfterApply(String method, String path) {
        return operationOf(method, path).map(faults::takeDropAfterApply).orElse(false);
    }

    private boolean dropBeforeApply(String method, String path) {
        return operationOf(method, path).map(faults::takeDropBeforeApply).orElse(false);
    }

    private Optional<String> operationOf(String method, String path) {
        return routes.stream()
                .filter(route -> route.method().equals(method)
                        && route.path().matcher(path).matches())
                .findFirst()
                .map(Route::operationId);
    }

    private Answer faultAnswer(Faults.Fault fault) {
        return switch (fault.kind()) {
            case RATE_LIMIT -> new Answer(
                    429,
                    Json.error(GrpcCode.RESOURCE_EXHAUSTED, "rate limit exceeded, retry later (injected fault)"),
                    Map.of("Retry-After", Integer.toString(fault.retryAfterSeconds())));
            case MALFORMED -> Answer.json(200, "{\"name\": \"projects/project-sample/pl");
            default -> {
                GrpcCode code = GrpcCode.forHttpStatus(fault.status());
                yield Answer.json(fault.status(), Json.error(code, code.name().toLowerCase() + " (injected fault)"));
            }
        };
    }

    private static List<String> vars(Route route, String path) {
        Matcher matcher = route.path().matcher(path);
        matcher.matches();
        List<String> vars = new ArrayList<>();
        for (int i = 1; i <= matcher.groupCount(); i++) {
            vars.add(URLDecoder.decode(matcher.group(i), StandardCharsets.UTF_8));
        }
        return vars;
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                parameters.put(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration delay) {
        if (!delay.isZero() && !delay.isNegative()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
