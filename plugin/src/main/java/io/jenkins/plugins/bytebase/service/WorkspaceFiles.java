package io.jenkins.plugins.bytebase.service;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.bytebase.core.migration.MigrationException;
import io.jenkins.plugins.bytebase.core.migration.MigrationFileFinder;
import io.jenkins.plugins.bytebase.core.migration.MigrationSet;
import io.jenkins.plugins.bytebase.core.migration.MigrationSets;
import io.jenkins.plugins.bytebase.core.migration.SourceFile;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * The workspace's files, where the workspace is (possibly an agent): reads the migration files and applies the file
 * rules on the controller, and writes the reports. Only JDK types and the files' bytes travel over the channel.
 */
public final class WorkspaceFiles {

    private WorkspaceFiles() {}

    /** Finds, reads and checks the files; prints the warnings about files left out. */
    public static MigrationSet read(FilePath workspace, String pattern, boolean declarative, TaskListener listener)
            throws IOException, InterruptedException {
        Found found = workspace.act(new FindFiles(pattern));
        if (found.error != null) {
            throw new AbortException(found.error);
        }
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < found.paths.size(); i++) {
            files.add(new SourceFile(found.paths.get(i), found.contents.get(i)));
        }
        MigrationSet set;
        try {
            set = declarative
                    ? MigrationSets.declarative(files, pattern, Clock.systemUTC())
                    : MigrationSets.versioned(files, pattern);
        } catch (MigrationException e) {
            throw new AbortException(e.getMessage());
        }
        for (String warning : set.warnings()) {
            listener.getLogger().println(Messages.WorkspaceFiles_Skipped(warning));
        }
        listener.getLogger().println(Messages.WorkspaceFiles_Found(set.files().size(), pattern));
        return set;
    }

    /** Writes a report, creating its folders, and says so on the console. */
    static void write(FilePath workspace, String path, String content, TaskListener listener)
            throws IOException, InterruptedException {
        FilePath target = workspace.child(path);
        FilePath parent = target.getParent();
        if (parent != null) {
            parent.mkdirs();
        }
        target.write(content, "UTF-8");
        listener.getLogger().println(Messages.WorkspaceFiles_Wrote(path));
    }

    /** What the agent sends back: paths and bytes, or why nothing could be read. */
    static final class Found implements Serializable {
        private static final long serialVersionUID = 1L;

        final ArrayList<String> paths = new ArrayList<>();
        final ArrayList<byte[]> contents = new ArrayList<>();
        String error;
    }

    static final class FindFiles extends MasterToSlaveFileCallable<Found> {
        private static final long serialVersionUID = 1L;

        private final String pattern;

        FindFiles(String pattern) {
            this.pattern = pattern;
        }

        @Override
        public Found invoke(File root, VirtualChannel channel) {
            Found found = new Found();
            try {
                for (SourceFile file :
                        MigrationFileFinder.find(root.toPath(), pattern, MigrationFileFinder.DEFAULT_MAX_FILE_BYTES)) {
                    found.paths.add(file.path());
                    found.contents.add(file.content());
                }
            } catch (MigrationException e) {
                found.error = e.getMessage();
            }
            return found;
        }
    }
}
