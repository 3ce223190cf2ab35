package io.jenkins.plugins.bytebase.cli.vcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A code host's API in the test, over real HTTP on a free port: it records every request and answers as told (404
 * otherwise). It also serves as an HTTP proxy, as Bitbucket Pipelines' is: requests then name the full address.
 */
public final class FakeCodeHost implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as received; {@code uri} is absolute when it came as to a proxy. */
    public record Request(String method, URI uri, Map<String, String> headers, String body) {

        public String path() {
            return uri.getPath();
        }

        /** A header by name, case-insensitive, or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An answer: status, JSON body and extra headers. */
    public record Reply(int status, String body, Map<String, String> headers) {

        public static Reply json(int status, Object body) {
            try {
                return new Reply(status, body instanceof String text ? text : JSON.writeValueAsString(body), Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Route(String method, Pattern path, Function<Request, Reply> answer) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    private FakeCodeHost(HttpServer server) {
        this.server = server;
    }

    public static FakeCodeHost start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeCodeHost host = new FakeCodeHost(server);
        server.createContext("/", host::handle);
        server.start();
        return host;
    }

    /** Answers requests whose method matches and whose path matches {@code pathRegex} whole; later rules win. */
    public FakeCodeHost on(String method, String pathRegex, Function<Request, Reply> answer) {
        routes.add(0, new Route(method, Pattern.compile(pathRegex), answer));
        return this;
    }

    public FakeCodeHost on(String method, String pathRegex, int status, Object body) {
        Reply reply = Reply.json(status, body);
        return on(method, pathRegex, request -> reply);
    }

    /** {@code http://127.0.0.1:port} */
    public String url() {
        return "http://" + address();
    }

    /** {@code 127.0.0.1:port}, for a proxy setting. */
    public String address() {
        return server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Reply reply = routes.stream()
                    .filter(route -> route.method().equals(request.method())
                            && route.path().matcher(request.path()).matches())
                    .findFirst()
                    .map(route -> route.answer().apply(request))
                    .orElse(Reply.json(404, Map.of("message", "Not Found")));
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The paths of the recorded requests, as {@code METHOD path}. */
    public List<String> calls() {
        List<String> calls = new ArrayList<>();
        requests.forEach(request -> calls.add(request.method() + " " + request.path()));
        return calls;
    }
}
