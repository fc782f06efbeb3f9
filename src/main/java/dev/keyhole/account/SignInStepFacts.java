package dev.keyhole.account;

import dev.keyhole.account.internal.TwoFactorRepository;
import dev.keyhole.account.internal.UserRepository;
import org.springframework.stereotype.Component;

/**
 * The sign-in steps accounts own (email verification, TOTP) in Ente's account details, so that Ente's
 * settings screens show the switches as they are.
 */
@Component
class SignInStepFacts implements ProfileFacts {

    private final UserRepository users;
    private final TwoFactorRepository twoFactor;

    SignInStepFacts(UserRepository users, TwoFactorRepository twoFactor) {
        this.users = users;
        this.twoFactor = twoFactor;
    }

    @Override
    public boolean emailMfaEnabled(UserId user) {
        return users.emailMfa(user.value());
    }

    @Override
    public boolean twoFactorEnabled(UserId user) {
        return twoFactor.isEnabled(user.value());
    }
}
