package dev.keyhole.account;

import dev.keyhole.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /users/change-email} (needs a token); the code comes from {@code POST /users/ott}. */
@RestController
class ChangeEmailController {

    record ChangeEmailRequest(
            @Nullable String email, @Nullable String ott) {}

    private final ChangeEmailService changes;

    ChangeEmailController(ChangeEmailService changes) {
        this.changes = changes;
    }

    /** 200 with an empty body, as Ente (mobile/packages/accounts/lib/services/user_service.dart changeEmail). */
    @PostMapping("/users/change-email")
    void change(
            @AuthenticationPrincipal CurrentUser user,
            @RequestBody ChangeEmailRequest request,
            HttpServletRequest http) {
        changes.change(user.userId(), request.email(), request.ott(), ClientAddress.keyOf(http.getRemoteAddr()));
    }
}
