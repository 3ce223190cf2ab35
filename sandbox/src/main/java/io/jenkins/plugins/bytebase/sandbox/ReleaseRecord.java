package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** A created release. Files are sorted by version. */
record ReleaseRecord(
        String name,
        String type,
        List<ReleaseFile> files,
        JsonNode vcsSource,
        String category,
        String creator,
        Instant createTime) {}
