package io.jenkins.plugins.bytebase.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jenkins.plugins.bytebase.core.client.dto.Plan;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How answers are read as they arrive: within the request timeout, errors as text, the wrong JSON quoted. */
class AnswerBodyITest {

    private static final String PLAN = "projects/hr/plans/9";
    private static final String TOKEN = TestTokens.jwtExpiringIn(Duration.ofHours(1));

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @BeforeEach
    void stubLoginAndVersion() {
        server.stubFor(post("/v1/auth/login").willReturn(okJson("{\"token\":\"" + TOKEN + "\"}")));
        server.stubFor(get("/v1/actuator/info").willReturn(okJson("{\"version\":\"3.21.1\"}")));
    }

    private static BytebaseClient client(Duration requestTimeout) {
        BytebaseClient client = BytebaseClient.builder(URI.create(server.baseUrl()))
                .credentials(Credentials.serviceAccount("ci@service.bytebase.com", "bbs_answerbodysecret1"))
                .requestTimeout(requestTimeout)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)))
                .build();
        client.serverInfo();
        return client;
    }

    @Test
    void shouldTimeOutWhenTheHeadersComeInTimeButTheBodyStalls() {
        BytebaseClient client = client(Duration.ofMillis(400));
        server.stubFor(get("/v1/" + PLAN)
                .willReturn(okJson("{\"name\":\"" + PLAN + "\",\"title\":\"a plan whose body arrives slowly\"}")
                        .withChunkedDribbleDelay(4, 4000)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.getPlan(PLAN))
                .isInstanceOfSatisfying(BytebaseTimeoutException.class, e -> assertThat(e.status())
                        .isZero())
                .hasMessageContaining("within 400 ms (request timeout)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        // a timeout is not repeated: the server may still be working on it
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/v1/" + PLAN)))).hasSize(1);
    }

    @Test
    void shouldReadASlowBodyThatEndsWithinTheTimeout() {
        BytebaseClient client = client(Duration.ofSeconds(10));
        server.stubFor(get("/v1/" + PLAN)
                .willReturn(okJson("{\"name\":\"" + PLAN + "\",\"title\":\"slow but in time\"}")
                        .withChunkedDribbleDelay(3, 300)));

        Plan plan = client.getPlan(PLAN);

        assertThat(plan.name()).isEqualTo(PLAN);
        assertThat(plan.title()).isEqualTo("slow but in time");
    }

    @Test
    void shouldQuoteTheStartOfASuccessfulAnswerThatIsNotJson() {
        BytebaseClient client = client(Duration.ofSeconds(10));
        server.stubFor(get("/v1/" + PLAN)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>Sign in to the corporate proxy</h1>" + "<p>x</p>".repeat(20_000)
                                + "</body></html>")));

        assertThatThrownBy(() -> client.getPlan(PLAN))
                .isInstanceOfSatisfying(
                        BytebaseException.class, e -> assertThat(e.status()).isEqualTo(200))
                .hasMessageContaining("the answer to GET /v1/" + PLAN + " was not the expected JSON")
                .hasMessageContaining("\"Sign in to the corporate proxy x x")
                .hasMessageContaining("a proxy, login or error page may have answered");
    }

    @Test
    void shouldRefuseJsonThatIsNotTheExpectedObject() {
        BytebaseClient client = client(Duration.ofSeconds(10));
        server.stubFor(get("/v1/" + PLAN).willReturn(okJson("null")));

        assertThatThrownBy(() -> client.getPlan(PLAN))
                .isInstanceOf(BytebaseException.class)
                .hasMessageContaining("was not the expected JSON: \"null\"");
    }

    @Test
    void shouldReadAnEmptySuccessfulAnswerAsDefaults() {
        BytebaseClient client = client(Duration.ofSeconds(10));
        server.stubFor(get("/v1/" + PLAN).willReturn(aResponse().withStatus(200)));

        assertThat(client.getPlan(PLAN).specs()).isEmpty();
    }

    @Test
    void shouldReadTheServersMessageFromALargeErrorBody() {
        BytebaseClient client = client(Duration.ofSeconds(10));
        server.stubFor(get("/v1/" + PLAN)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":3,\"message\":\"invalid plan\",\"details\":[\""
                                + "d".repeat(HttpExecutor.ERROR_BODY_LIMIT / 2) + "\"]}")));

        assertThatThrownBy(() -> client.getPlan(PLAN)).isInstanceOfSatisfying(BytebaseException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.serverMessage()).isEqualTo("invalid plan");
        });
    }

    @Test
    void shouldQuoteAnErrorBodyLongerThanTheLimitByItsStart() {
        BytebaseClient client = client(Duration.ofSeconds(10));
        server.stubFor(get("/v1/" + PLAN)
                .willReturn(aResponse()
                        .withStatus(502)
                        .withBody("Bad gateway: upstream unreachable. " + "x".repeat(HttpExecutor.ERROR_BODY_LIMIT))));

        assertThatThrownBy(() -> client.getPlan(PLAN)).isInstanceOfSatisfying(BytebaseException.class, e -> {
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.serverMessage()).startsWith("the answer was not JSON: \"Bad gateway: upstream");
        });
    }
}
