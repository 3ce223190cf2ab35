package io.jenkins.plugins.bytebase.core.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads string values so that equal ones within one answer are one {@code String}. The answer to a check of N files
 * against T targets names each file T times and each target N times (20,000 results for 10,000 files and 2
 * databases), and the same advice titles and messages recur; as separate copies they were a large part of the peak
 * heap of a review. The table lives for one read only, so nothing is kept between answers.
 */
final class CanonicalStrings extends StringDeserializer {

    private static final long serialVersionUID = 1L;

    /** Long texts (statements, descriptions) rarely recur; they are not worth hashing. */
    private static final int MAX_LENGTH = 512;

    private static final Object SEEN = new Object();

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (value == null || value.length() > MAX_LENGTH) {
            return value;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> seen = (Map<String, String>) context.getAttribute(SEEN);
        if (seen == null) {
            seen = new HashMap<>();
            context.setAttribute(SEEN, seen);
        }
        String known = seen.putIfAbsent(value, value);
        return known == null ? value : known;
    }
}
