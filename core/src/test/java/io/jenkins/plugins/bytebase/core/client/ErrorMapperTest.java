package io.jenkins.plugins.bytebase.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    private static final ApiCall GET_PLAN = ApiCall.get("/v1/projects/hr/plans/7", "the plan projects/hr/plans/7");

    private final ErrorMapper errors = new ErrorMapper(
            "https://bytebase.example.com", Duration.ofSeconds(120), Duration.ofSeconds(10), "ci", new Redactor());

    @Test
    void shouldReadGatewayAndConnectErrorBodies() {
        BytebaseException gateway = errors.map(GET_PLAN, answer(400, "{\"code\":3,\"message\":\"invalid version\"}"));
        BytebaseException connect =
                errors.map(GET_PLAN, answer(400, "{\"code\":\"invalid_argument\",\"message\":\"invalid version\"}"));

        assertThat(gateway.serverCode()).isEqualTo("3");
        assertThat(connect.serverCode()).isEqualTo("invalid_argument");
        assertThat(connect.serverMessage()).isEqualTo("invalid version");
        assertThat(connect).hasMessageStartingWith("Bytebase answered HTTP 400: invalid version. ");
    }

    @Test
    void shouldQuoteAShortExcerptOfABodyThatIsNotJson() {
        String page = "<html><head><title>502 Bad Gateway</title></head><body>" + "x".repeat(1000) + "</body></html>";

        BytebaseException error = errors.map(GET_PLAN, answer(502, page));

        assertThat(error.serverMessage())
                .startsWith("the answer was not JSON: \"502 Bad Gateway")
                .hasSizeLessThan(260);
        assertThat(error.remedy()).contains("try again later");
    }

    @Test
    void shouldSuspectTheUrlWhenA404DoesNotComeFromBytebase() {
        BytebaseException error = errors.map(GET_PLAN, answer(404, "<html>Not Found</html>"));

        assertThat(error).isInstanceOf(BytebaseNotFoundException.class);
        assertThat(error.remedy()).contains("check that https://bytebase.example.com is the Bytebase URL");
    }

    @Test
    void shouldNameWhatWasNotFound() {
        BytebaseException error = errors.map(GET_PLAN, answer(404, "{\"code\":5,\"message\":\"plan 7 not found\"}"));

        assertThat(error.remedy()).contains("could not find the plan projects/hr/plans/7");
    }

    @Test
    void shouldMentionTheLicenceLimitOn429() {
        assertThat(errors.map(GET_PLAN, answer(429, "{\"code\":8,\"message\":\"limit\"}"))
                        .remedy())
                .contains("rate limiting")
                .contains("VCS-user licence limit");
    }

    @Test
    void shouldSayTheOutcomeIsUnknownWhenAGatewayAnswersACreateWith502Or504() {
        ApiCall create = ApiCall.post("/v1/projects/hr/plans", "{}", "the project projects/hr");

        assertThat(errors.map(create, answer(504, "<html>Gateway Timeout</html>")))
                .isInstanceOfSatisfying(BytebaseOutcomeUnknownException.class, e -> {
                    assertThat(e.status()).isEqualTo(504);
                    assertThat(e.request()).isEqualTo("POST /v1/projects/hr/plans");
                    assertThat(e.remedy()).contains("may have been carried out");
                });
        assertThat(errors.map(create, answer(502, ""))).isInstanceOf(BytebaseOutcomeUnknownException.class);
        assertThat(errors.map(create, answer(503, "")))
                .as("503: the server did not take the request")
                .isNotInstanceOf(BytebaseOutcomeUnknownException.class);
        assertThat(errors.map(GET_PLAN, answer(504, "")))
                .as("a read changes nothing")
                .isNotInstanceOf(BytebaseOutcomeUnknownException.class);
    }

    private static HttpResult answer(int status, String body) {
        return new HttpResult(status, HttpHeaders.of(Map.of(), (name, value) -> true), body);
    }
}
