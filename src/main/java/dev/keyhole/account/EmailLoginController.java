package dev.keyhole.account;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Ente's emailed-code endpoints; both public. {@code purpose} and Ente's other extra fields are accepted. */
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
    void sendCode(@RequestBody SendCodeRequest request) {
        login.sendCode(request.email());
    }

    @PostMapping("/users/verify-email")
    EmailAuthorizationResponse verifyEmail(@RequestBody VerifyEmailRequest request, HttpServletRequest http) {
        return login.verify(request.email(), request.ott(), ClientInfo.of(http));
    }
}
