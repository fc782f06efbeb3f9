package dev.keyhole.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestLineTest {

    @Test
    void leavesOutTheQueryString() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/authenticator/entity/diff");
        request.setQueryString("sinceTime=0&token=secret-token");

        assertThat(RequestLine.of(request)).isEqualTo("GET /api/authenticator/entity/diff");
    }

    @Test
    void leavesOutPathParametersSuchAsASessionId() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login;jsessionid=0123456789ABCDEF/x;v=1");

        assertThat(RequestLine.of(request)).isEqualTo("POST /login/x").doesNotContain("0123456789ABCDEF");
    }

    @Test
    void cannotForgeASecondLogLine() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/a\nINFO forged");

        assertThat(RequestLine.of(request)).isEqualTo("GET /a?INFO forged");
    }

    @Test
    void cutsAHugePathShort() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/" + "a".repeat(500));

        assertThat(RequestLine.of(request)).hasSize("GET ".length() + 120 + 1).endsWith("…");
    }
}
