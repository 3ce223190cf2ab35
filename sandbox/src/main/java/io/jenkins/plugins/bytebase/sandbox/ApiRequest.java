package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A routed request.
 *
 * @param vars the path variables in order, e.g. project id, plan id
 * @param query decoded query parameters
 * @param body the JSON body ({@code {}} when empty)
 */
record ApiRequest(List<String> vars, Map<String, String> query, JsonNode body) {

    String var(int index) {
        return vars.get(index);
    }

    String project() {
        return Catalog.projectName(vars.get(0));
    }
}
