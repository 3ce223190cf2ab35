package io.jenkins.plugins.bytebase.actions;

import edu.hm.hafner.echarts.ChartModelConfiguration;
import edu.hm.hafner.echarts.JacksonFacade;
import edu.hm.hafner.echarts.LineSeries;
import edu.hm.hafner.echarts.LinesChartModel;
import edu.hm.hafner.echarts.LinesDataSet;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.echarts.AsyncConfigurableTrendChart;
import io.jenkins.plugins.echarts.JenkinsPalette;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * The SQL reviews of a job's builds, on the job page: the errors and warnings of the last builds as a trend chart
 * (drawn by {@code echarts-api}, as Warnings NG draws its trends) and the latest review's summary. Its URL leads to the
 * latest review.
 */
public class ReviewTrendAction implements Action, AsyncConfigurableTrendChart {

    /** Builds the chart covers when the browser has no setting of its own. */
    static final int DEFAULT_BUILDS = 50;

    private static final String ERRORS = "errors";
    private static final String WARNINGS = "warnings";

    private final Job<?, ?> job;

    ReviewTrendAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    @Override
    public String getDisplayName() {
        return Messages.ReviewTrendAction_DisplayName();
    }

    /** The build pages' URL name, so that a point of the chart leads to that build's review. */
    @Override
    public String getUrlName() {
        return ReviewAction.URL_NAME;
    }

    /** The latest build's review, or {@code null} when none of the recent builds has one. */
    public ReviewAction getLatestReview() {
        for (Run<?, ?> run = job.getLastCompletedBuild(); run != null; run = run.getPreviousCompletedBuild()) {
            ReviewAction review = run.getAction(ReviewAction.class);
            if (review != null) {
                return review;
            }
        }
        return null;
    }

    /** Opens the latest review. */
    public void doIndex(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
        ReviewAction latest = getLatestReview();
        if (latest == null || latest.getRun() == null) {
            response.sendError(404, Messages.ReviewTrendAction_NoReview());
            return;
        }
        response.sendRedirect2(request.getContextPath() + "/" + latest.getRun().getUrl() + latest.getUrlName() + "/");
    }

    /** Shown once two of the recent builds have a review: one point is no trend. */
    @Override
    public boolean isTrendVisible() {
        return history(ReviewTrendFactory.RECENT_BUILDS).size() >= 2;
    }

    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(String configuration) {
        return new JacksonFacade().toJson(createChartModel(buildCount(configuration)));
    }

    LinesChartModel createChartModel(int builds) {
        LinesDataSet dataSet = new LinesDataSet();
        List<ReviewTotals> history = history(builds);
        Collections.reverse(history);
        for (ReviewTotals totals : history) {
            dataSet.add("#" + totals.build(), Map.of(ERRORS, totals.errors(), WARNINGS, totals.warnings()), totals.build());
        }
        LinesChartModel model = new LinesChartModel(dataSet);
        model.setDomainAxisItemName(Messages.ReviewTrendAction_Build());
        model.addSeries(
                series(Messages.ReviewTrendAction_Errors(), JenkinsPalette.RED, dataSet.getSeries(ERRORS)),
                series(Messages.ReviewTrendAction_Warnings(), JenkinsPalette.YELLOW, dataSet.getSeries(WARNINGS)));
        return model;
    }

    private static LineSeries series(String name, JenkinsPalette color, List<Integer> values) {
        LineSeries series =
                new LineSeries(name, color.normal(), LineSeries.StackedMode.SEPARATE_LINES, LineSeries.FilledMode.LINES);
        series.addAll(values);
        return series;
    }

    /**
     * Errors and warnings per build among the last {@code builds} completed builds, newest first, summed over each
     * build's reviews; builds without a review are left out.
     */
    private List<ReviewTotals> history(int builds) {
        List<ReviewTotals> history = new ArrayList<>();
        Run<?, ?> run = job.getLastCompletedBuild();
        for (int i = 0; run != null && i < builds; i++, run = run.getPreviousCompletedBuild()) {
            List<ReviewAction> reviews = run.getActions(ReviewAction.class);
            if (!reviews.isEmpty()) {
                int errors = reviews.stream().mapToInt(ReviewAction::getErrors).sum();
                int warnings = reviews.stream().mapToInt(ReviewAction::getWarnings).sum();
                history.add(new ReviewTotals(run.getNumber(), errors, warnings));
            }
        }
        return history;
    }

    private static int buildCount(String configuration) {
        try {
            ChartModelConfiguration parsed = ChartModelConfiguration.fromJson(configuration);
            return parsed.isBuildCountDefined() ? parsed.getBuildCount() : DEFAULT_BUILDS;
        } catch (RuntimeException e) {
            // A browser's stored setting we cannot read: the default, not a broken chart.
            return DEFAULT_BUILDS;
        }
    }

    private record ReviewTotals(int build, int errors, int warnings) {}
}
