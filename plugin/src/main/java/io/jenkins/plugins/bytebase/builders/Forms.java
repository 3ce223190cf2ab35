package io.jenkins.plugins.bytebase.builders;

import io.jenkins.plugins.bytebase.steps.BytebaseStepDescriptor;
import net.sf.json.JSONObject;

/** A builder's form holds its step as a nested object, whose {@code targets} arrive as text. */
final class Forms {

    private Forms() {}

    static JSONObject nestedTargetsAsArray(JSONObject formData, String property) {
        Object nested = formData.opt(property);
        if (!(nested instanceof JSONObject)) {
            return formData;
        }
        JSONObject copy = JSONObject.fromObject(formData);
        copy.put(property, BytebaseStepDescriptor.targetsAsArray((JSONObject) nested));
        return copy;
    }
}
