package io.jenkins.plugins.bytebase.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks the files of a release in a request, as the real server does for check and create. */
final class ReleaseFiles {

    private ReleaseFiles() {}

    /**
     * The files sorted by version. Each must set either {@code statement} or {@code sheet} (an existing sheet of the
     * project); versions must be dot-separated unsigned integers, and unique in a versioned release (a declarative
     * release gives every file the same timestamp version, which the real server accepts).
     */
    static List<ReleaseFile> read(String project, JsonNode release, Map<String, byte[]> sheets) {
        boolean declarative = "DECLARATIVE".equals(Json.text(release, "type"));
        List<ReleaseFile> files = new ArrayList<>();
        Set<String> versions = new HashSet<>();
        for (JsonNode file : release.path("files")) {
            String path = Json.text(file, "path");
            String version = Json.text(file, "version");
            boolean hasStatement = file.hasNonNull("statement")
                    && !file.get("statement").asText().isEmpty();
            boolean hasSheet =
                    file.hasNonNull("sheet") && !file.get("sheet").asText().isEmpty();
            if (hasStatement == hasSheet) {
                throw ApiException.invalid(
                        "invalid release file \"" + path + "\": exactly one of statement and sheet must be set");
            }
            if (!Versions.isValid(version)) {
                throw ApiException.invalid("invalid version \"" + version + "\" of release file \"" + path
                        + "\": a version is dot-separated unsigned integers, e.g. 1.0.0");
            }
            if (!versions.add(version) && !declarative) {
                throw ApiException.invalid("invalid release files: found duplicate version \"" + version + "\"");
            }
            byte[] statement =
                    hasStatement ? decode(path, file.get("statement").asText()) : sheet(project, file, sheets);
            files.add(new ReleaseFile(path, version, statement, sha256(statement)));
        }
        files.sort((a, b) -> Versions.compare(a.version(), b.version()));
        return files;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sheetName(String project, String sha256) {
        return project + "/sheets/" + sha256;
    }

    private static byte[] decode(String path, String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(base64);
            } catch (IllegalArgumentException again) {
                throw ApiException.invalid(
                        "invalid release file \"" + path + "\": statement is not valid base64 (bytes fields are)");
            }
        }
    }

    private static byte[] sheet(String project, JsonNode file, Map<String, byte[]> sheets) {
        String sheet = file.get("sheet").asText();
        String prefix = project + "/sheets/";
        byte[] content = sheet.startsWith(prefix) ? sheets.get(sheet.substring(prefix.length())) : null;
        if (content == null) {
            throw ApiException.notFound("sheet \"" + sheet + "\" not found");
        }
        return content;
    }

    static String text(byte[] statement) {
        return new String(statement, StandardCharsets.UTF_8);
    }
}
