package io.jenkins.plugins.bytebase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage is refused before any request, with exit code 2 and one line that says what to fix. */
class CliUsageTest {

    private static final String SECRET = "bbs_usage_test_secret_123";

    @TempDir
    Path workspace;

    private CliRunner cli() {
        return new CliRunner(workspace)
                .env("BYTEBASE_SERVICE_ACCOUNT", "ci@service.bytebase.com")
                .env("BYTEBASE_SERVICE_ACCOUNT_SECRET", SECRET);
    }

    private static String[] check(String... extra) {
        String[] base = {
            "check",
            "--url",
            "http://127.0.0.1:9",
            "--project",
            "projects/hr",
            "--targets",
            "instances/i/databases/d",
            "--file-pattern",
            "migrations/*.sql"
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return args;
    }

    private static void assertUsageError(CliRunner.Result result, String reason) {
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("error: ").contains(reason).contains("--help");
        assertThat(result.all()).doesNotContain(SECRET);
    }

    @Test
    void shouldAskForACommand() {
        assertUsageError(cli().run(), "name a command: check (SQL review) or rollout");
    }

    @Test
    void shouldShowEachCommandsHelpWithExamples() {
        CliRunner.Result check = cli().run("check", "--help");
        CliRunner.Result rollout = cli().run("rollout", "--help");

        assertThat(check.exit()).isZero();
        assertThat(check.out())
                .contains("--check-release", "--service-account-secret", "--custom-header", "Examples:")
                .contains("Exit codes: 0 passed");
        assertThat(rollout.exit()).isZero();
        assertThat(rollout.out()).contains("--target-stage", "--plan", "--release-id-template", "Examples:");
    }

    @Test
    void shouldPrintItsVersion() {
        CliRunner.Result result = cli().run("--version");

        assertThat(result.exit()).isZero();
        assertThat(result.out().lines()).hasSize(3).satisfies(lines -> {
            // The build fills the version in; only a stray IDE build would show "(development build)".
            assertThat(lines.get(0)).matches("bytebase-gitops \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
            assertThat(lines.get(1)).matches("Supports Bytebase 3\\.\\d+ to 3\\.\\d+");
            assertThat(lines.get(2)).startsWith("Java " + System.getProperty("java.version"));
        });
    }

    @Test
    void shouldRefuseABitbucketProxyWithoutAPort() {
        assertUsageError(cli().run(check("--bitbucket-proxy", "localhost")), "--bitbucket-proxy must be host:port");
    }

    @Test
    void shouldNameMissingRequiredOptions() {
        assertUsageError(cli().run("check", "--project", "projects/hr"), "Missing required option: '--url=<url>'");
    }

    @Test
    void shouldListTheValidPoliciesForABadOne() {
        assertUsageError(cli().run(check("--check-release", "NEVER")), "FAIL_ON_WARNING");
    }

    @Test
    void shouldAcceptPoliciesInAnyCase() {
        // Passes parsing and validation, then fails on the missing files (exit 1), not on the policy.
        CliRunner.Result result = cli().run(check("--check-release", "fail_on_error"));

        assertThat(result.exit()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAProjectWithoutItsPrefix() {
        assertUsageError(
                cli().run(
                                "check",
                                "--url",
                                "http://localhost",
                                "--project",
                                "hr",
                                "--targets",
                                "instances/i/databases/d",
                                "--file-pattern",
                                "*.sql"),
                "--project must look like projects/<id>");
    }

    @Test
    void shouldRefuseARelativeUrl() {
        assertUsageError(
                cli().run(
                                "check",
                                "--url",
                                "bytebase.local",
                                "--project",
                                "projects/hr",
                                "--targets",
                                "instances/i/databases/d",
                                "--file-pattern",
                                "*.sql"),
                "--url must be an absolute http(s) URL");
    }

    @Test
    void shouldRefuseADurationGoCannotParse() {
        assertUsageError(cli().run(check("--timeout", "5 minutes")), "'5 minutes' is not a duration");
    }

    @Test
    void shouldRefuseDatabasesMixedWithAGroup() {
        assertUsageError(
                cli().run(
                                "check",
                                "--url",
                                "http://localhost",
                                "--project",
                                "projects/hr",
                                "--targets",
                                "instances/i/databases/d,projects/hr/databaseGroups/all",
                                "--file-pattern",
                                "*.sql"),
                "either databases or exactly one database group");
    }

    @Test
    void shouldRequireAFilePatternForCheck() {
        assertUsageError(
                cli().run(
                                "check",
                                "--url",
                                "http://localhost",
                                "--project",
                                "projects/hr",
                                "--targets",
                                "instances/i/databases/d"),
                "--file-pattern is required");
    }

    @Test
    void shouldExplainMissingCredentials() {
        CliRunner.Result result = new CliRunner(workspace).run(check());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("BYTEBASE_SERVICE_ACCOUNT", "BYTEBASE_SERVICE_ACCOUNT_SECRET");
    }

    @Test
    void shouldNeverEchoASecretGivenToAMisspeltOption() {
        CliRunner.Result result = new CliRunner(workspace).run(check("--service-acount-secret", SECRET));

        assertUsageError(result, "unknown option --service-acount-secret");
        assertThat(result.err()).contains("did you mean");
    }

    @Test
    void shouldNeverEchoASecretInAnUnexpectedPosition() {
        assertUsageError(
                new CliRunner(workspace).run(check("--service-account-secret=" + SECRET, SECRET)),
                "unexpected argument");
    }

    @Test
    void shouldRefuseAnAuthorizationHeaderWithoutShowingIt() {
        CliRunner.Result result = cli().run(check("--custom-header", "Authorization: Bearer " + SECRET));

        assertUsageError(result, "--custom-header cannot set Authorization");
    }

    @Test
    void shouldRefuseAHeaderWithoutColonWithoutShowingIt() {
        CliRunner.Result result = cli().run(check("--custom-header", "X-Proxy-Token " + SECRET));

        assertUsageError(result, "--custom-header must be 'Name: value'");
    }

    @Test
    void shouldRefuseAPlanOfAnotherProject() {
        assertUsageError(
                cli().run(
                                "rollout",
                                "--url",
                                "http://localhost",
                                "--project",
                                "projects/hr",
                                "--plan",
                                "projects/other/plans/1",
                                "--target-stage",
                                "environments/prod"),
                "is not in --project projects/hr");
    }

    @Test
    void shouldRefuseATargetStageThatIsNotAnEnvironment() {
        assertUsageError(
                cli().run(
                                "rollout",
                                "--url",
                                "http://localhost",
                                "--project",
                                "projects/hr",
                                "--plan",
                                "projects/hr/plans/1",
                                "--target-stage",
                                "prod"),
                "--target-stage must look like environments/<id>");
    }

    @Test
    void shouldRequireTargetsForARolloutFromFiles() {
        assertUsageError(
                cli().run(
                                "rollout",
                                "--url",
                                "http://localhost",
                                "--project",
                                "projects/hr",
                                "--file-pattern",
                                "*.sql"),
                "--targets is required");
    }

    @Test
    void shouldRefuseAnUnknownPlatform() {
        assertUsageError(cli().run(check("--platform", "jenkins")), "--platform");
    }
}
