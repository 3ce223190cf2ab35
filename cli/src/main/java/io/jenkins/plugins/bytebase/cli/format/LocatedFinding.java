package io.jenkins.plugins.bytebase.cli.format;

import io.jenkins.plugins.bytebase.core.review.FileReview;
import io.jenkins.plugins.bytebase.core.review.Finding;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding with the file and target it belongs to: what every format prints. Findings of level {@code SUCCESS}
 * carry no problem and are left out; an unknown level counts as a warning, so nothing the server flags is lost.
 */
public record LocatedFinding(String file, String target, Finding finding) {

    /** The reportable findings of a result, in the server's order. */
    public static List<LocatedFinding> of(ReviewResult result) {
        List<LocatedFinding> located = new ArrayList<>();
        for (FileReview review : result.reviews()) {
            for (Finding finding : review.findings()) {
                if (finding.severity() != Severity.SUCCESS) {
                    located.add(new LocatedFinding(review.file(), review.target(), finding));
                }
            }
        }
        return located;
    }

    public boolean isError() {
        return finding.severity() == Severity.ERROR;
    }

    /** {@code error} or {@code warning}. */
    public String level() {
        return isError() ? "error" : "warning";
    }

    /** 1-based; the server's 0 (unknown) becomes 1 as in {@code bytebase-action}. */
    public int line() {
        return Math.max(1, finding.line());
    }

    /** 1-based, or 0 when unknown. */
    public int column() {
        return Math.max(0, finding.column());
    }
}
