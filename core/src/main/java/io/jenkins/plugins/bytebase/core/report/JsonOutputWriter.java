package io.jenkins.plugins.bytebase.core.report;

/** Writes {@link OutputFile} as pretty JSON, {@code checkResults} in the API's protojson shape. */
public final class JsonOutputWriter {

    private JsonOutputWriter() {}

    public static String toJson(OutputFile output) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
