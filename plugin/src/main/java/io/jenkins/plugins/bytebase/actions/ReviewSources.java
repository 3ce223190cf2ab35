package io.jenkins.plugins.bytebase.actions;

import io.jenkins.plugins.bytebase.core.migration.MigrationFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the reviewed files' SQL with the build, in a folder beside {@code build.xml} (not in it: a build's XML is
 * read whenever the build is loaded), so that the review page can show each finding at its line. A file over
 * {@link #MAX_BYTES} is left out and the page says so.
 */
final class ReviewSources {

    /** Files up to this size are kept: 1 MiB, many thousand lines of SQL. */
    static final long MAX_BYTES = 1024 * 1024;

    private static final Logger LOGGER = Logger.getLogger(ReviewSources.class.getName());

    private ReviewSources() {}

    /**
     * Writes the files into {@code folder} as {@code 1.sql}, {@code 2.sql}...
     *
     * @return one entry per file, in order; a file too large to keep has no stored name
     */
    static List<StoredSource> store(File folder, List<MigrationFile> files) throws IOException {
        List<StoredSource> stored = new ArrayList<>();
        for (MigrationFile file : files) {
            byte[] content = file.content();
            if (content.length > MAX_BYTES) {
                stored.add(new StoredSource(file.path(), null, content.length));
                continue;
            }
            String name = (stored.size() + 1) + ".sql";
            Files.createDirectories(folder.toPath());
            Files.write(new File(folder, name).toPath(), content);
            stored.add(new StoredSource(file.path(), name, content.length));
        }
        return stored;
    }

    /** The file's SQL, or {@code null} when it was not kept or has been removed from the build folder since. */
    static String read(File folder, StoredSource source) {
        if (source.getStoredAs() == null) {
            return null;
        }
        try {
            return Files.readString(new File(folder, source.getStoredAs()).toPath(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot read the reviewed SQL of " + source.getPath(), e);
            return null;
        }
    }
}
