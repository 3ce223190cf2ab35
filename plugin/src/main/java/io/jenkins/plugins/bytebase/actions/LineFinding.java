package io.jenkins.plugins.bytebase.actions;

import io.jenkins.plugins.bytebase.actions.ReviewAction.ReviewedFinding;

/** A finding with the file and database it was found for, and the anchor of its line on the review page. */
public final class LineFinding {

    private final String file;
    private final String target;
    private final ReviewedFinding finding;
    private final String anchor;

    LineFinding(String file, String target, ReviewedFinding finding, String anchor) {
        this.file = file;
        this.target = target;
        this.finding = finding;
        this.anchor = anchor;
    }

    public String getFile() {
        return file;
    }

    public String getTarget() {
        return target;
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
