package io.jenkins.plugins.bytebase.builders;

import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

/** The nested step's {@code targets} arrive as text from the form; Stapler binds a JSON array to the list. */
final class Forms {

    private Forms() {}

    static JSONObject nestedTargetsAsArray(JSONObject formData, String property) {
        Object nested = formData.opt(property);
        if (!(nested instanceof JSONObject)) {
            return formData;
        }
        JSONObject step = (JSONObject) nested;
        Object targets = step.opt("targets");
        if (!(targets instanceof String)) {
            return formData;
        }
        JSONArray list = new JSONArray();
        for (String part : ((String) targets).split("[,\\r\\n]+")) {
            if (!part.isBlank()) {
                list.add(part.trim());
            }
        }
        JSONObject copy = JSONObject.fromObject(formData);
        JSONObject stepCopy = JSONObject.fromObject(step);
        stepCopy.put("targets", list);
        copy.put(property, stepCopy);
        return copy;
    }
}
