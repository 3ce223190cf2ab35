package io.jenkins.plugins.bytebase.core.migration;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Applies the file rules of {@code API.md} §5 to files read anywhere. */
public final class MigrationSets {

    private static final DateTimeFormatter DECLARATIVE_VERSION =
            DateTimeFormatter.ofPattern("yyyyMMdd.HHmmss").withZone(ZoneOffset.UTC);

    private MigrationSets() {}

    /**
     * Versioned mode: version from the file name ({@code ^[vV]?(\d+(\.\d+)*)}), files with no version left out with a
     * warning, duplicate versions, empty and non-UTF-8 files refused before any request.
     */
    public static MigrationSet versioned(List<SourceFile> files, String pattern) {
        requireSome(files, pattern);
        List<String> warnings = new ArrayList<>();
        // numerically equal versions share one key, so a duplicate shows up as a second file in a bucket
        Map<String, List<SourceFile>> byVersion = new TreeMap<>(Versions.NUMERIC_ORDER);
        for (SourceFile file : sortedByPath(files)) {
            checkPath(file);
            Optional<String> version = Versions.fromFileName(file.path());
            if (version.isEmpty()) {
                warnings.add("Left out " + file.path() + ": its name has no version; name versioned migrations like"
                        + " 1.0.0_create_table.sql or V2__add_index.sql.");
                continue;
            }
            byVersion.computeIfAbsent(version.get(), v -> new ArrayList<>()).add(file);
        }
        rejectDuplicates(byVersion);
        if (byVersion.isEmpty()) {
            throw new MigrationException("None of the " + files.size() + " files matched by '" + pattern
                    + "' has a version in its name (for example "
                    + sortedByPath(files).get(0).path()
                    + "): rename them to start with a version such as 1.0.0_create_table.sql,"
                    + " or use declarative mode.");
        }
        List<MigrationFile> result = new ArrayList<>();
        byVersion.forEach((version, same) -> {
            SourceFile file = same.get(0);
            checkContent(file);
            result.add(new MigrationFile(
                    file.path(),
                    Versions.fromFileName(file.path()).orElseThrow(),
                    Versions.changeType(file.path()),
                    file.content()));
        });
        return new MigrationSet(result, warnings, false, pattern);
    }

    /** Declarative mode: no naming rules, every file's version is the current time {@code YYYYMMDD.HHMMSS}. */
    public static MigrationSet declarative(List<SourceFile> files, String pattern, Clock clock) {
        requireSome(files, pattern);
        String version = DECLARATIVE_VERSION.format(clock.instant());
        List<MigrationFile> result = new ArrayList<>();
        for (SourceFile file : sortedByPath(files)) {
            checkPath(file);
            checkContent(file);
            result.add(new MigrationFile(file.path(), version, Versions.changeType(file.path()), file.content()));
        }
        return new MigrationSet(result, List.of(), true, pattern);
    }

    private static void requireSome(List<SourceFile> files, String pattern) {
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new MigrationException("No migration file matches the pattern '" + pattern
                    + "': check the pattern and that the files are checked out.");
        }
    }

    private static List<SourceFile> sortedByPath(List<SourceFile> files) {
        return files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
    }

    private static void rejectDuplicates(Map<String, List<SourceFile>> byVersion) {
        List<String> clashes = new ArrayList<>();
        byVersion.forEach((version, same) -> {
            if (same.size() > 1) {
                clashes.add(
                        String.join(" and ", same.stream().map(SourceFile::path).toList()) + " have the same version "
                                + version);
            }
        });
        if (!clashes.isEmpty()) {
            throw new MigrationException(String.join("; ", clashes)
                    + ". Give each migration its own version (Bytebase refuses duplicate versions in a release).");
        }
    }

    /** Paths come from another machine: they name files in the release, so they must stay relative and inside. */
    private static void checkPath(SourceFile file) {
        String path = file.path();
        if (path == null || path.isBlank()) {
            throw new MigrationException("A migration file has no path: send paths relative to the search root.");
        }
        if (path.startsWith("/")
                || path.contains("\\")
                || List.of(path.split("/")).contains("..")) {
            throw new MigrationException("The migration file path '" + path
                    + "' leads outside the root: use paths relative to the root, with '/' and no '..'.");
        }
        if (file.content() == null) {
            throw new MigrationException("The migration file " + path + " has no content: read it again.");
        }
    }

    private static void checkContent(SourceFile file) {
        byte[] bytes = file.content();
        String text;
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException e) {
            int offset = buffer.position();
            throw new MigrationException("The migration file " + file.path() + " is not valid UTF-8 (first bad byte"
                    + " at line " + lineAt(bytes, offset) + ", byte offset " + offset
                    + "): save it as UTF-8.");
        }
        if (text.isBlank()) {
            throw new MigrationException(
                    "The migration file " + file.path() + " is empty: add its SQL or remove the file.");
        }
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
