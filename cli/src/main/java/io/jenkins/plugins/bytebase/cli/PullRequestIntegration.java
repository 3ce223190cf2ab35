package io.jenkins.plugins.bytebase.cli;

import io.jenkins.plugins.bytebase.cli.format.CodeInsights;
import io.jenkins.plugins.bytebase.cli.vcs.BitbucketCodeInsightsPublisher;
import io.jenkins.plugins.bytebase.cli.vcs.BitbucketRepository;
import io.jenkins.plugins.bytebase.cli.vcs.GitHubEvent;
import io.jenkins.plugins.bytebase.cli.vcs.GitHubPullRequestComment;
import io.jenkins.plugins.bytebase.cli.vcs.PullRequestAuthors;
import io.jenkins.plugins.bytebase.cli.vcs.VcsHttp;
import io.jenkins.plugins.bytebase.core.client.dto.VcsUser;
import io.jenkins.plugins.bytebase.core.report.MarkdownSummary;
import io.jenkins.plugins.bytebase.core.review.ReviewResult;
import io.jenkins.plugins.bytebase.core.review.Verdict;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What {@code check} does on the code host besides printing: reads the pull request's author for Bytebase, and puts
 * the review on the pull request (a GitHub comment, a Bitbucket Code Insights report). The review stands on its own:
 * anything that fails here is a warning, never a changed exit code.
 */
final class PullRequestIntegration {

    /** Reading an author delays the review, so it gets less time than publishing its result. */
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final Platform platform;
    private final CliEnvironment environment;
    private final Redactor redactor;
    private final InetSocketAddress bitbucketProxy;

    PullRequestIntegration(
            Platform platform, CliEnvironment environment, Redactor redactor, InetSocketAddress bitbucketProxy) {
        this.platform = platform;
        this.environment = environment;
        this.redactor = redactor;
        this.bitbucketProxy = bitbucketProxy;
    }

    /** The author to send with the check, or {@code null}: outside pull requests, for bots, or when unreadable. */
    VcsUser author() {
        PullRequestAuthors authors = new PullRequestAuthors(
                environment::variable,
                VcsHttp.direct(LOOKUP_TIMEOUT),
                VcsHttp.through(bitbucketProxy, LOOKUP_TIMEOUT),
                note -> environment.err().println("Note: " + redactor.redact(note)));
        VcsUser author = warnOnFailure("the pull request's author is not sent to Bytebase", () -> switch (platform) {
            case GITHUB -> authors.gitHub();
            case GITLAB -> authors.gitLab();
            case BITBUCKET -> authors.bitbucket();
            case AZURE -> authors.azureDevOps();
            default -> null;
        });
        if (author != null) {
            environment.err().println("Pull request by " + author.userName() + " (" + author.vcsType() + ")");
        }
        return author;
    }

    /** Puts the result on the pull request or commit where the platform has a place for it. */
    void publish(ReviewResult result, Verdict verdict) {
        String published = warnOnFailure("the review is not on the pull request", () -> switch (platform) {
            case GITHUB -> commentOnGitHub(result);
            case BITBUCKET -> reportToBitbucket(result, verdict);
            default -> null;
        });
        if (published != null) {
            environment.err().println(redactor.redact(published));
        }
    }

    private String commentOnGitHub(ReviewResult result) {
        GitHubEvent event = GitHubEvent.read(environment::variable);
        if (!event.isPullRequest()) {
            return null;
        }
        String token = environment.variable("GITHUB_TOKEN");
        String repository = environment.variable("GITHUB_REPOSITORY");
        if (token == null) {
            return "Note: no pull request comment without GITHUB_TOKEN; set it (env: GITHUB_TOKEN:"
                    + " ${{ secrets.GITHUB_TOKEN }}, and permissions: pull-requests: write)";
        }
        if (repository == null) {
            throw new IllegalStateException("GITHUB_REPOSITORY is not set, so there is no repository to comment in");
        }
        String api = environment.variable("GITHUB_API_URL");
        return new GitHubPullRequestComment(
                        VcsHttp.direct(PUBLISH_TIMEOUT),
                        api == null ? "https://api.github.com" : api,
                        repository,
                        token)
                .upsert(event.number(), MarkdownSummary.render(result));
    }

    private String reportToBitbucket(ReviewResult result, Verdict verdict) {
        BitbucketRepository repository = BitbucketRepository.of(environment::variable);
        if (repository == null) {
            throw new IllegalStateException("BITBUCKET_REPO_FULL_NAME (or BITBUCKET_WORKSPACE and BITBUCKET_REPO_SLUG)"
                    + " is not set, so there is no repository to report on");
        }
        return new BitbucketCodeInsightsPublisher(VcsHttp.through(bitbucketProxy, PUBLISH_TIMEOUT), repository)
                .publish(CodeInsights.of(result, verdict));
    }

    private <T> T warnOnFailure(String consequence, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            environment.err().println("Warning: " + consequence + ": " + redactor.redact(e.getMessage()));
            return null;
        }
    }

    /** {@code host:port}, with or without {@code http://}. */
    static InetSocketAddress proxyAddress(String value) {
        String address = value.trim();
        if (address.startsWith("http://")) {
            address = address.substring("http://".length());
        }
        while (address.endsWith("/")) {
            address = address.substring(0, address.length() - 1);
        }
        int colon = address.lastIndexOf(':');
        if (colon > 0) {
            try {
                int port = Integer.parseInt(address.substring(colon + 1));
                if (port > 0 && port < 65536) {
                    return InetSocketAddress.createUnresolved(address.substring(0, colon), port);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new UsageException("--bitbucket-proxy must be host:port, e.g. localhost:29418, not '" + value + "'");
    }
}
