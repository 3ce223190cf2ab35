package io.jenkins.plugins.bytebase.actions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One reviewed file on the review page: its SQL line by line with the findings of every target at their lines. */
public final class SourceView {

    /** Whether the page can show the SQL. */
    public enum State {
        SHOWN,
        /** Larger than the size kept with a build. */
        TOO_LARGE,
        /** Not kept: a build from before the SQL was kept, or its file was removed. */
        NOT_KEPT
    }

    private final String path;
    private final String anchor;
    private final State state;
    private final long bytes;
    private final List<SourceLine> lines = new ArrayList<>();
    private final Map<Integer, SourceLine> unplaced = new TreeMap<>();

    SourceView(String path, String anchor, State state, long bytes, String sql, List<LineFinding> findings) {
        this.path = path;
        this.anchor = anchor;
        this.state = state;
        this.bytes = bytes;
        if (sql != null) {
            String[] texts = sql.split("\r?\n", -1);
            int count = sql.endsWith("\n") ? texts.length - 1 : texts.length;
            for (int i = 0; i < count; i++) {
                lines.add(new SourceLine(i + 1, texts[i], anchor));
            }
        }
        for (LineFinding finding : findings) {
            int line = finding.getFinding().getLine();
            if (line >= 1 && line <= lines.size()) {
                lines.get(line - 1).add(finding);
            } else {
                unplaced.computeIfAbsent(line, number -> new SourceLine(number, "", anchor))
                        .add(finding);
            }
        }
    }

    public String getPath() {
        return path;
    }

    public String getAnchor() {
        return anchor;
    }

    public State getState() {
        return state;
    }

    public boolean isShown() {
        return state == State.SHOWN;
    }

    public boolean isTooLarge() {
        return state == State.TOO_LARGE;
    }

    public long getBytes() {
        return bytes;
    }

    public List<SourceLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    /**
     * The lines with findings the page cannot put under their SQL (it is not shown, or the line lies beyond the file's
     * end), in line order, without text: one place per line, so that a link to the line finds it.
     */
    public List<SourceLine> getUnplacedLines() {
        return List.copyOf(unplaced.values());
    }

    /** One line of SQL, 1-based, with the findings that point at it. */
    public static final class SourceLine {
        private final int number;
        private final String text;
        private final String anchor;
        private final List<LineFinding> findings = new ArrayList<>();

        SourceLine(int number, String text, String fileAnchor) {
            this.number = number;
            this.text = text;
            this.anchor = fileAnchor + "-L" + number;
        }

        void add(LineFinding finding) {
            findings.add(finding);
        }

        public int getNumber() {
            return number;
        }

        public String getText() {
            return text;
        }

        public String getAnchor() {
            return anchor;
        }

        public List<LineFinding> getFindings() {
            return Collections.unmodifiableList(findings);
        }
    }
}
