package io.jenkins.plugins.bytebase.core.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Token handling that needs a controlled clock or a server that misbehaves in ways the sandbox does not: renewal ahead
 * of expiry, a fresh token refused again, error pages that echo credentials.
 */
class TokenLifecycleITest {

    private static final String SECRET = "bbs_lifecyclesecret99";
    private static final String PLAN = "/v1/projects/hr/plans/1";
    private static final Instant START = Instant.parse("2026-08-22T10:00:00Z");

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestClock clock = new TestClock(START);
    private final List<String> log = new ArrayList<>();

    private BytebaseClient client() {
        return BytebaseClient.builder(URI.create(server.baseUrl()))
                .credentials(Credentials.serviceAccount("ci@service.bytebase.com", SECRET))
                .retryPolicy(RetryPolicy.none())
                .clock(clock)
                .logger(log::add)
                .build();
    }

    private void stubServer(String token) {
        server.stubFor(post("/v1/auth/login").willReturn(okJson("{\"token\":\"" + token + "\"}")));
        server.stubFor(get("/v1/actuator/info").willReturn(okJson("{\"version\":\"3.21.1\"}")));
        server.stubFor(get(PLAN).willReturn(okJson("{\"name\":\"projects/hr/plans/1\"}")));
    }

    @Test
    void shouldRenewTheTokenFiveMinutesBeforeItsExpiry() {
        stubServer(TestTokens.jwtExpiringAt(START.plus(Duration.ofHours(1))));
        BytebaseClient client = client();

        client.getPlan("projects/hr/plans/1");
        clock.set(START.plus(Duration.ofMinutes(54)));
        client.getPlan("projects/hr/plans/1");
        assertThat(logins()).isEqualTo(1);

        clock.set(START.plus(Duration.ofMinutes(56)));
        client.getPlan("projects/hr/plans/1");
        assertThat(logins()).isEqualTo(2);
    }

    @Test
    void shouldAssumeOneHourForATokenThatIsNotAJwt() {
        stubServer("opaque-token-value");
        BytebaseClient client = client();

        client.getPlan("projects/hr/plans/1");
        clock.set(START.plus(Duration.ofMinutes(50)));
        client.getPlan("projects/hr/plans/1");
        assertThat(logins()).isEqualTo(1);

        clock.set(START.plus(Duration.ofMinutes(59)));
        client.getPlan("projects/hr/plans/1");
        assertThat(logins()).isEqualTo(2);
    }

    @Test
    void shouldLogInAgainOnlyOnceWhenTheFreshTokenIsRefusedToo() {
        stubServer("opaque-token-value");
        server.stubFor(get(PLAN)
                .willReturn(
                        aResponse().withStatus(401).withBody("{\"code\":16,\"message\":\"access token expired\"}")));
        BytebaseClient client = client();

        assertThatThrownBy(() -> client.getPlan("projects/hr/plans/1"))
                .isInstanceOfSatisfying(BytebaseAuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.serverCode()).isEqualTo("16");
                })
                .hasMessageContaining("even after a fresh login")
                .hasMessageContaining("check the service account and its secret");
        assertThat(logins()).isEqualTo(2);
        assertThat(server.findAll(getRequestedFor(urlEqualTo(PLAN)))).hasSize(2);
    }

    @Test
    void shouldMaskCredentialsThatAnErrorPageEchoes() {
        String token = TestTokens.jwtExpiringAt(START.plus(Duration.ofHours(1)));
        stubServer(token);
        server.stubFor(get(PLAN)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withBody("<html><body>Proxy error. Request had password=" + SECRET + " and Bearer " + token
                                + "</body></html>")));
        BytebaseClient client = client();

        Throwable thrown = catchThrowable(() -> client.getPlan("projects/hr/plans/1"));

        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .contains("Proxy error. Request had password=****")
                .doesNotContain(SECRET)
                .doesNotContain(token);
    }

    @Test
    void shouldExplainALoginThatNeedsMultiFactorAuthentication() {
        stubServer("unused");
        server.stubFor(post("/v1/auth/login").willReturn(okJson("{\"mfaTempToken\":\"tmp\"}")));

        assertThatThrownBy(() -> client().serverInfo())
                .isInstanceOf(BytebaseAuthenticationException.class)
                .hasMessageContaining("multi-factor authentication");
    }

    private int logins() {
        return server.findAll(postRequestedFor(urlEqualTo("/v1/auth/login"))).size();
    }
}
