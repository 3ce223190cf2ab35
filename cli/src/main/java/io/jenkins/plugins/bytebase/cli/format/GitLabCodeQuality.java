package io.jenkins.plugins.bytebase.cli.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GitLab Code Quality report ({@code artifacts:reports:codequality}), which the merge request widget shows: warnings
 * are {@code minor}, errors {@code critical}. The fingerprint is stable for the same finding in the same place, so
 * GitLab can tell new findings from old ones.
 */
public final class GitLabCodeQuality {

    /** The file name {@code bytebase-action} writes. */
    public static final String FILE_NAME = "bytebase_codequality.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GitLabCodeQuality() {}

    public static String format(ReviewResult result) {
        List<Map<String, Object>> issues = new ArrayList<>();
        for (LocatedFinding located : LocatedFinding.of(result)) {
            Finding finding = located.finding();
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put(
                    "description",
                    finding.title() + " (" + finding.code() + "): " + finding.message() + " (" + located.target()
                            + ")");
            issue.put("check_name", finding.title());
            issue.put("fingerprint", fingerprint(located));
            issue.put("severity", located.isError() ? "critical" : "minor");
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("path", located.file());
            location.put("lines", Map.of("begin", located.line()));
            issue.put("location", location);
            issues.add(issue);
        }
        try {
            return JSON.writeValueAsString(issues) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fingerprint(LocatedFinding located) {
        Finding finding = located.finding();
        String identity = String.join(
                "\n",
                located.file(),
                located.target(),
                String.valueOf(finding.code()),
                finding.title(),
                String.valueOf(located.line()),
                finding.message());
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
