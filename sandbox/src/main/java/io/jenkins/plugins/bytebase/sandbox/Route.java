package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** One REST route of the gateway. */
record Route(String method, Pattern path, String operationId, boolean authenticated, Handler handler) {

    /** Handles a routed request and returns the response body. */
    @FunctionalInterface
    interface Handler {
        JsonNode handle(ApiRequest request);
    }

    /** A path template like {@code /v1/projects/{}/plans/{}} where each {@code {}} is one segment. */
    static Route of(String method, String template, String operationId, boolean authenticated, Handler handler) {
        String regex = Pattern.quote(template).replace("{}", "\\E([^/:]+)\\Q");
        return new Route(method, Pattern.compile("^" + regex + "$"), operationId, authenticated, handler);
    }
}
