package dev.keyhole.account;

import dev.keyhole.ratelimit.LimitedPerAddress;
import dev.keyhole.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ente's emailed-code endpoints; both public (limited per client address). {@code purpose} and Ente's other
 * extra fields are accepted.
 */
@RestController
class EmailLoginController {

    record SendCodeRequest(@Nullable String email, @Nullable String purpose) {}

    record VerifyEmailRequest(
            @Nullable String email, @Nullable String ott) {}

    private final EmailLoginService login;

    EmailLoginController(EmailLoginService login) {
        this.login = login;
    }

    @PostMapping("/users/ott")
    @LimitedPerAddress("email-send-code")
    void sendCode(@RequestBody SendCodeRequest request, HttpServletRequest http) {
        login.sendCode(request.email(), request.purpose(), ClientAddress.keyOf(http.getRemoteAddr()));
    }

    @PostMapping("/users/verify-email")
    @LimitedPerAddress("email-verify")
    EmailAuthorizationResponse verifyEmail(@RequestBody VerifyEmailRequest request, HttpServletRequest http) {
        return login.verify(request.email(), request.ott(), ClientInfo.of(http));
    }
}
