package io.jenkins.plugins.bytebase.actions;

import io.jenkins.plugins.bytebase.actions.ReviewAction.ReviewedFinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A finding at a line of a file, with every database it was found for: the same advice on several targets is shown
 * once, naming them all, and the anchor of its line on the review page.
 */
public final class LineFinding {

    private final String file;
    private final List<String> targets = new ArrayList<>();
    private final ReviewedFinding finding;
    private final String anchor;

    LineFinding(String file, ReviewedFinding finding, String anchor) {
        this.file = file;
        this.finding = finding;
        this.anchor = anchor;
    }

    void addTarget(String target) {
        if (!targets.contains(target)) {
            targets.add(target);
        }
    }

    public String getFile() {
        return file;
    }

    /** The databases this finding was reported for, in the order of the review. */
    public List<String> getTargets() {
        return Collections.unmodifiableList(targets);
    }

    public ReviewedFinding getFinding() {
        return finding;
    }

    /** The page anchor of the finding's line, for example {@code file-1-L3}. */
    public String getAnchor() {
        return anchor;
    }

    /** {@code error}, {@code warning} or {@code other}: the style of the finding on the page. */
    public String getStyle() {
        String severity = finding.getSeverity();
        if ("ERROR".equals(severity)) {
            return "error";
        }
        return "WARNING".equals(severity) ? "warning" : "other";
    }
}
