package dev.keyhole.account;

import dev.keyhole.account.internal.SrpAuthRepository;
import dev.keyhole.account.internal.UserRepository;
import dev.keyhole.api.RequestFields;
import dev.keyhole.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /users/email-mfa}: email verification on sign-in. With it on, SRP attributes say
 * {@code isEmailMFAEnabled} and create-session refuses (409 EMAIL_MFA_ENABLED), so the client signs in with
 * an emailed code. As on Ente's server, it cannot be turned off before the account has a password (SRP).
 */
@RestController
class EmailMfaController {

    record UpdateRequest(@Nullable Boolean isEnabled) {}

    private final UserRepository users;
    private final SrpAuthRepository srpAuth;

    EmailMfaController(UserRepository users, SrpAuthRepository srpAuth) {
        this.users = users;
        this.srpAuth = srpAuth;
    }

    @PutMapping("/users/email-mfa")
    void update(@AuthenticationPrincipal CurrentUser user, @RequestBody UpdateRequest request) {
        boolean enabled = RequestFields.required(request.isEnabled(), "isEnabled");
        if (!enabled && !srpAuth.exists(user.userId().value())) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "SRP_SETUP_INCOMPLETE",
                    "Set a password before turning email verification off.");
        }
        users.setEmailMfa(user.userId().value(), enabled);
    }
}
