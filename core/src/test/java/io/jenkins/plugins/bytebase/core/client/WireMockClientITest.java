package io.jenkins.plugins.bytebase.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jenkins.plugins.bytebase.core.client.dto.ChangeDatabaseConfig;
import io.jenkins.plugins.bytebase.core.client.dto.CheckReleaseRequest;
import io.jenkins.plugins.bytebase.core.client.dto.Plan;
import io.jenkins.plugins.bytebase.core.client.dto.PlanSpec;
import io.jenkins.plugins.bytebase.core.client.dto.Release;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseFile;
import io.jenkins.plugins.bytebase.core.client.dto.ReleaseType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What goes over the wire, byte for byte: paths, query strings, bodies and headers. Server behaviour (state, faults,
 * review) is covered against the sandbox.
 */
class WireMockClientITest {

    private static final String SECRET = "bbs_wiremocksecret123";
    private static final String TOKEN = TestTokens.jwtExpiringIn(Duration.ofHours(1));

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void stubLoginAndVersion() {
        server.stubFor(post("/v1/auth/login").willReturn(okJson("{\"token\":\"" + TOKEN + "\"}")));
        server.stubFor(get("/v1/actuator/info").willReturn(okJson("{\"version\":\"3.21.1\",\"gitCommit\":\"abc\"}")));
    }

    private BytebaseClient client(Map<String, String> headers) {
        return BytebaseClient.builder(URI.create(server.baseUrl() + "/"))
                .credentials(Credentials.serviceAccount("ci@service.bytebase.com", SECRET))
                .customHeaders(headers)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)))
                .logger(log::add)
                .build();
    }

    @Test
    void shouldLogInWithEmailAndSecretThenSendTheBearerTokenAndCustomHeaders() {
        BytebaseClient client = client(Map.of("X-Proxy-Token", "proxy-value"));

        assertThat(client.serverInfo().version()).isEqualTo("3.21.1");

        server.verify(postRequestedFor(urlEqualTo("/v1/auth/login"))
                .withRequestBody(equalToJson("{\"email\":\"ci@service.bytebase.com\",\"password\":\"" + SECRET + "\"}"))
                .withHeader("X-Proxy-Token", equalTo("proxy-value")));
        server.verify(getRequestedFor(urlEqualTo("/v1/actuator/info"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-Proxy-Token", equalTo("proxy-value")));
    }

    @Test
    void shouldSendOnlySchemaFieldsWithBase64StatementAndEncodedQuery() {
        server.stubFor(
                post(urlPathEqualTo("/v1/projects/hr/releases"))
                        .willReturn(
                                okJson(
                                        "{\"name\":\"projects/hr/releases/release_20260822-RC00\",\"type\":\"VERSIONED\","
                                                + "\"files\":[{\"path\":\"m/1.0.0_init.sql\",\"version\":\"1.0.0\",\"sheetSha256\":\"ab\"}]}")));
        Release release = new Release(
                "projects/hr/releases/ignored",
                ReleaseType.VERSIONED,
                List.of(new ReleaseFile(
                        "m/1.0.0_init.sql",
                        "1.0.0",
                        "CREATE TABLE t1 (id INT);".getBytes(StandardCharsets.UTF_8),
                        null,
                        "read-only")),
                null,
                null,
                "users/someone",
                "2026-01-01T00:00:00Z",
                "ACTIVE");

        Release created =
                client(Map.of()).createRelease("projects/hr", release, "release_{date}-RC{iteration}", "Europe/Berlin");

        assertThat(created.name()).isEqualTo("projects/hr/releases/release_20260822-RC00");
        LoggedRequest request = onlyRequest("/v1/projects/hr/releases");
        assertThat(request.getUrl())
                .isEqualTo("/v1/projects/hr/releases?releaseIdTemplate=release_%7Bdate%7D-RC%7Biteration%7D"
                        + "&releaseIdTimezone=Europe%2FBerlin");
        assertThat(request.getBodyAsString())
                .isEqualTo("{\"type\":\"VERSIONED\",\"files\":[{\"path\":\"m/1.0.0_init.sql\",\"version\":\"1.0.0\","
                        + "\"statement\":\"Q1JFQVRFIFRBQkxFIHQxIChpZCBJTlQpOw==\"}]}");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void shouldLeaveOutQueryParametersThatAreNotSet() {
        server.stubFor(post(urlPathEqualTo("/v1/projects/hr/releases")).willReturn(okJson("{}")));

        client(Map.of()).createRelease("projects/hr", draft(), null, " ");

        assertThat(onlyRequest("/v1/projects/hr/releases").getUrl()).isEqualTo("/v1/projects/hr/releases");
    }

    @Test
    void shouldSendCheckAndPlanBodiesWithoutReadOnlyFields() {
        server.stubFor(post("/v1/projects/hr/releases:check").willReturn(okJson("{\"affectedRows\":\"12\"}")));
        server.stubFor(post("/v1/projects/hr/plans").willReturn(okJson("{\"name\":\"projects/hr/plans/7\"}")));
        BytebaseClient client = client(Map.of());

        client.checkRelease(
                "projects/hr", new CheckReleaseRequest(draft(), List.of("instances/i/databases/d"), null, null));
        Plan plan = new Plan(
                "projects/hr/plans/ignored",
                "release_1",
                null,
                List.of(new PlanSpec(
                        "spec-1",
                        ChangeDatabaseConfig.forRelease(
                                List.of("instances/i/databases/d"), "projects/hr/releases/r1"))),
                true,
                "projects/hr/issues/1",
                null,
                "users/x",
                null,
                null);
        assertThat(client.createPlan("projects/hr", plan).name()).isEqualTo("projects/hr/plans/7");

        assertThat(onlyRequest("/v1/projects/hr/releases:check").getBodyAsString())
                .isEqualTo("{\"release\":{\"type\":\"VERSIONED\",\"files\":[{\"path\":\"1.0.0_a.sql\","
                        + "\"version\":\"1.0.0\",\"statement\":\"U0VMRUNUIDE7\"}]},"
                        + "\"targets\":[\"instances/i/databases/d\"]}");
        assertThat(onlyRequest("/v1/projects/hr/plans").getBodyAsString())
                .isEqualTo("{\"title\":\"release_1\",\"specs\":[{\"id\":\"spec-1\",\"changeDatabaseConfig\":"
                        + "{\"targets\":[\"instances/i/databases/d\"],\"release\":\"projects/hr/releases/r1\"}}]}");
    }

    @Test
    void shouldSendTheSameBodyOnARetryAndOnTheReplayAfterLoggingInAgain() {
        server.stubFor(post("/v1/projects/hr/releases:check")
                .inScenario("busy, then token refused")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy"))
                .willSetStateTo("busy once"));
        server.stubFor(post("/v1/projects/hr/releases:check")
                .inScenario("busy, then token refused")
                .whenScenarioStateIs("busy once")
                .willReturn(aResponse().withStatus(401).withBody("{\"code\":16,\"message\":\"token expired\"}"))
                .willSetStateTo("refused"));
        server.stubFor(post("/v1/projects/hr/releases:check")
                .inScenario("busy, then token refused")
                .whenScenarioStateIs("refused")
                .willReturn(okJson("{\"affectedRows\":\"3\"}")));
        byte[] large = "CREATE TABLE t (id INT);\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        List<ReleaseFile> files = new ArrayList<>();
        files.add(ReleaseFile.of("1.0.0_a.sql", "1.0.0", large));
        for (int i = 1; i <= 2_000; i++) {
            files.add(ReleaseFile.of(
                    "2." + i + ".0_b\u00e9.sql",
                    "2." + i + ".0",
                    ("SELECT " + i + ";").getBytes(StandardCharsets.UTF_8)));
        }
        Release release = Release.draft(ReleaseType.VERSIONED, files, null);
        CheckReleaseRequest request = new CheckReleaseRequest(release, List.of("instances/i/databases/d"), null, null);
        BytebaseClient client = client(Map.of());

        assertThat(client.checkRelease("projects/hr", request).affectedRows()).isEqualTo(3);

        List<LoggedRequest> sent = server.findAll(postRequestedFor(urlEqualTo("/v1/projects/hr/releases:check")));
        assertThat(sent).hasSize(3);
        byte[] expected = WireJson.writeBytes(request);
        assertThat(new String(expected, StandardCharsets.UTF_8))
                .startsWith("{\"release\":{\"type\":\"VERSIONED\",\"files\":[{\"path\":\"1.0.0_a.sql\","
                        + "\"version\":\"1.0.0\",\"statement\":\""
                        + Base64.getEncoder().encodeToString(large) + "\"},"
                        + "{\"path\":\"2.1.0_b\u00e9.sql\",\"version\":\"2.1.0\",\"statement\":\"U0VMRUNUIDE7\"},")
                .endsWith("\"statement\":\"U0VMRUNUIDIwMDA7\"}]},\"targets\":[\"instances/i/databases/d\"]}");
        for (LoggedRequest one : sent) {
            assertThat(one.getBody()).isEqualTo(expected);
            assertThat(one.getHeader("Content-Length")).isEqualTo(Integer.toString(expected.length));
            assertThat(one.getHeader("Transfer-Encoding")).isNull();
        }
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/v1/auth/login"))))
                .hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fails while sent", "fails to count", "is shorter than its length"})
    void shouldReportABodyThatCannotBeWrittenAsAClientFaultWithoutRetrying(String fault) {
        server.stubFor(post("/v1/projects/hr/releases:check").willReturn(okJson("{}")));
        int[] opened = {0};
        RequestBody body = new RequestBody() {
            @Override
            public long length() throws IOException {
                if (fault.equals("fails to count")) {
                    throw new IOException("cannot count");
                }
                return 300_000;
            }

            @Override
            public InputStream open() {
                opened[0]++;
                InputStream half = new ByteArrayInputStream(new byte[150_000]);
                if (fault.equals("is shorter than its length")) {
                    return half;
                }
                return new SequenceInputStream(half, new InputStream() {
                    @Override
                    public int read() {
                        throw new IllegalStateException("statement 7 cannot be encoded");
                    }
                });
            }
        };
        ApiCall call = ApiCall.idempotentPost("/v1/projects/hr/releases:check", body, "the project projects/hr");

        assertThatThrownBy(() -> client(Map.of()).call(call, JsonNode.class))
                .isExactlyInstanceOf(BytebaseException.class)
                .hasMessageStartingWith("Could not write the request body of POST /v1/projects/hr/releases:check (")
                .hasMessageContaining(
                        switch (fault) {
                            case "fails while sent" -> "statement 7 cannot be encoded";
                            case "fails to count" -> "cannot count";
                            default -> "the body ended after 150000 of its 300000 bytes";
                        })
                .hasMessageContaining("Bytebase did not receive it whole")
                .hasMessageContaining("fault of the client")
                .extracting(e -> ((BytebaseException) e).status())
                .isEqualTo(0);
        assertThat(opened[0]).as("not retried").isLessThanOrEqualTo(1);
        assertThat(log).isEmpty();
    }

    @Test
    void shouldSendRolloutTaskAndCancelBodies() {
        String plan = "projects/hr/plans/7";
        String stage = plan + "/rollout/stages/test";
        server.stubFor(post("/v1/" + plan + "/rollout").willReturn(okJson("{\"name\":\"" + plan + "/rollout\"}")));
        server.stubFor(post("/v1/" + stage + "/tasks:batchRun").willReturn(okJson("{}")));
        server.stubFor(post("/v1/" + stage + "/tasks/-/taskRuns:batchCancel").willReturn(okJson("{}")));
        server.stubFor(get("/v1/" + plan + "/rollout/stages/-/tasks/-/taskRuns")
                .willReturn(okJson(
                        "{\"taskRuns\":[{\"name\":\"" + stage + "/tasks/1/taskRuns/2\",\"status\":\"RUNNING\"}]}")));
        BytebaseClient client = client(Map.of());

        client.createRollout(plan, null);
        client.createRollout(plan, "environments/test");
        client.batchRunTasks(stage, List.of(stage + "/tasks/1"));
        assertThat(client.listTaskRuns(plan)).singleElement().satisfies(run -> assertThat(run.name())
                .endsWith("/taskRuns/2"));
        client.batchCancelTaskRuns(stage, List.of(stage + "/tasks/1/taskRuns/2"));

        List<String> rolloutBodies = server.findAll(postRequestedFor(urlEqualTo("/v1/" + plan + "/rollout"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .toList();
        assertThat(rolloutBodies).containsExactly("{}", "{\"target\":\"environments/test\"}");
        assertThat(onlyRequest("/v1/" + stage + "/tasks:batchRun").getBodyAsString())
                .isEqualTo("{\"tasks\":[\"" + stage + "/tasks/1\"]}");
        assertThat(onlyRequest("/v1/" + stage + "/tasks/-/taskRuns:batchCancel").getBodyAsString())
                .isEqualTo("{\"taskRuns\":[\"" + stage + "/tasks/1/taskRuns/2\"]}");
    }

    @Test
    void shouldUseAnAccessTokenAsIsWithoutLoggingIn() {
        BytebaseClient client = BytebaseClient.builder(URI.create(server.baseUrl()))
                .credentials(Credentials.accessToken("ready-token-123"))
                .build();

        client.serverInfo();

        assertThat(server.findAll(postRequestedFor(urlEqualTo("/v1/auth/login"))))
                .isEmpty();
        server.verify(getRequestedFor(urlEqualTo("/v1/actuator/info"))
                .withHeader("Authorization", equalTo("Bearer ready-token-123")));
    }

    @Test
    void shouldReadConnectErrorBodies() {
        server.stubFor(get("/v1/projects/hr/plans/9")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"not_found\",\"message\":\"plan 9 not found\"}")));

        assertThatThrownBy(() -> client(Map.of()).getPlan("projects/hr/plans/9"))
                .isInstanceOfSatisfying(BytebaseNotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.serverCode()).isEqualTo("not_found");
                    assertThat(e.serverMessage()).isEqualTo("plan 9 not found");
                    assertThat(e.getMessage()).contains("projects/hr/plans/9");
                });
    }

    @Test
    void shouldExplainARedirectInsteadOfFollowingIt() {
        server.stubFor(get("/v1/projects/hr/plans/9")
                .willReturn(aResponse().withStatus(301).withHeader("Location", "https://bytebase.example.com/v1/x")));

        assertThatThrownBy(() -> client(Map.of()).getPlan("projects/hr/plans/9"))
                .isInstanceOf(BytebaseException.class)
                .hasMessageContaining("redirects to https://bytebase.example.com/v1/x");
    }

    private static Release draft() {
        return Release.draft(
                ReleaseType.VERSIONED,
                List.of(ReleaseFile.of("1.0.0_a.sql", "1.0.0", "SELECT 1;".getBytes(StandardCharsets.UTF_8))),
                null);
    }

    private static LoggedRequest onlyRequest(String path) {
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
