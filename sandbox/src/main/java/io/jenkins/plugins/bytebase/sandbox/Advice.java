package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A review finding, as {@code bytebase.v1.Advice}. */
record Advice(String status, int code, String title, String content, int line, int column) {

    static final String ERROR = "ERROR";
    static final String WARNING = "WARNING";

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("status", status);
        if (code != 0) {
            node.put("code", code);
        }
        Json.put(node, "title", title);
        Json.put(node, "content", content);
        ObjectNode position = Json.object();
        if (line > 0) {
            position.put("line", line);
        }
        if (column > 0) {
            position.put("column", column);
        }
        if (!position.isEmpty()) {
            node.set("startPosition", position);
        }
        node.put("ruleType", "PARSER_BASED");
        return node;
    }
}
