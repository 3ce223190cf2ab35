package io.jenkins.plugins.bytebase.actions;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds the review trend to jobs whose recent builds ran a SQL review. Only the last few completed builds are looked at,
 * so a job page never loads its whole history to decide.
 */
@Extension
public class ReviewTrendFactory extends TransientActionFactory<Job> {

    /** Completed builds looked at for a review: a job that stopped reviewing loses its trend after these. */
    static final int RECENT_BUILDS = 10;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job target) {
        Run<?, ?> run = target.getLastCompletedBuild();
        for (int i = 0; run != null && i < RECENT_BUILDS; i++, run = run.getPreviousCompletedBuild()) {
            if (run.getAction(ReviewAction.class) != null) {
                return List.of(new ReviewTrendAction(target));
            }
        }
        return List.of();
    }
}
