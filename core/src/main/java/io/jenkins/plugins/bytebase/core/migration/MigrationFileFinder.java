package io.jenkins.plugins.bytebase.core.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds migration files under a root by a doublestar glob ({@code *}, {@code **}, {@code ?}) and reads them, sorted
 * by path. Refuses symlinks and paths that lead outside the root, and files over the size limit.
 *
 * <p>Content rules (empty, not UTF-8, versions) are applied by {@link MigrationSets}, wherever the files are sent.
 */
public final class MigrationFileFinder {

    /** Default size limit of one file: 10 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

    private MigrationFileFinder() {}

    /** {@link #find(Path, String, long)} with {@link #DEFAULT_MAX_FILE_BYTES}. */
    public static List<SourceFile> find(Path root, String pattern) {
        return find(root, pattern, DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * @param root the directory the pattern and the returned paths are relative to (a workspace)
     * @param pattern a relative doublestar glob, e.g. {@code migrations/**}{@code /*.sql}
     * @param maxFileBytes the largest file accepted
     * @return the matched files with their bytes, sorted by path
     * @throws MigrationException when nothing matches (naming root and pattern) or a file breaks a rule
     */
    public static List<SourceFile> find(Path root, String pattern, long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, was " + maxFileBytes);
        }
        Path realRoot = realRoot(root);
        GlobPattern glob = compile(root, realRoot, pattern);
        List<Path> matches = walk(realRoot, glob);
        if (matches.isEmpty()) {
            throw new MigrationException("No migration file matches the pattern '" + pattern + "' under " + root
                    + ": check that the pattern is relative to that directory, uses '/' and the right extension"
                    + " (for example migrations/**/*.sql), and that the files are checked out.");
        }
        List<SourceFile> files = new ArrayList<>(matches.size());
        for (Path file : matches) {
            files.add(new SourceFile(relative(realRoot, file), read(realRoot, file, maxFileBytes)));
        }
        return files;
    }

    private static Path realRoot(Path root) {
        if (root == null || !Files.exists(root)) {
            throw new MigrationException("The migration root " + root
                    + " does not exist: check the directory the file pattern is relative to.");
        }
        if (!Files.isDirectory(root)) {
            throw new MigrationException("The migration root " + root + " is not a directory: point it at the"
                    + " directory the file pattern is relative to (usually the workspace).");
        }
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new MigrationException("Cannot open the migration root " + root + ": " + e.getMessage(), e);
        }
    }

    private static GlobPattern compile(Path root, Path realRoot, String pattern) {
        String relative = pattern == null ? null : pattern.trim();
        if (relative != null && relative.startsWith("/")) {
            // an absolute pattern inside the root is accepted as the same pattern relative to it
            String stripped = stripRoot(root.toAbsolutePath().normalize(), relative);
            relative = stripped != null ? stripped : stripRoot(realRoot, relative);
            if (relative == null) {
                throw new MigrationException("The file pattern '" + pattern + "' leads outside the root " + root
                        + ": make the pattern relative to the root.");
            }
        }
        try {
            return GlobPattern.compile(relative);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("Bad file pattern under " + root + ": " + e.getMessage() + ".", e);
        }
    }

    private static String stripRoot(Path root, String absolute) {
        String prefix = root.toString().endsWith("/") ? root.toString() : root + "/";
        return absolute.startsWith(prefix) ? absolute.substring(prefix.length()) : null;
    }

    private static List<Path> walk(Path root, GlobPattern glob) {
        List<Path> matches = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(root) || glob.mayMatchBelow(relative(root, dir))
                            ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String path = relative(root, file);
                    if (attrs.isSymbolicLink()) {
                        refuseSymlink(file, path, glob);
                    } else if (glob.matches(path)) {
                        if (!attrs.isRegularFile()) {
                            throw new MigrationException("The migration file " + path
                                    + " is not a regular file: narrow the pattern so that it matches SQL files only.");
                        }
                        matches.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    throw new MigrationException(
                            "Cannot read " + relative(root, file) + " under " + root + ": " + e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        matches.sort(Comparator.comparing(file -> relative(root, file)));
        return matches;
    }

    /** A link the pattern matches, or a linked directory it reaches into, could send files from outside the root. */
    private static void refuseSymlink(Path link, String path, GlobPattern glob) {
        if (glob.matches(path)) {
            throw new MigrationException("The migration file " + path + " is a symlink: symlinks are refused so that"
                    + " no file from outside the root is sent; replace it with the file itself.");
        }
        if (Files.isDirectory(link) && glob.mayMatchBelow(path)) {
            throw new MigrationException("The directory " + path + " is a symlink the file pattern '" + glob
                    + "' reaches into, so it could lead outside the root: replace the link with the files"
                    + " or narrow the pattern.");
        }
    }

    private static byte[] read(Path root, Path file, long maxFileBytes) {
        String path = relative(root, file);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            // read one byte past the limit, so a file that grew since the walk is still caught
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (bytes.length > maxFileBytes) {
                throw new MigrationException("The migration file " + path + " is larger than the limit of "
                        + maxFileBytes + " bytes (" + Files.size(file) + " bytes): split it into smaller"
                        + " migrations or raise the size limit.");
            }
            return bytes;
        } catch (IOException e) {
            throw new MigrationException("Cannot read the migration file " + path + ": " + e.getMessage(), e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
