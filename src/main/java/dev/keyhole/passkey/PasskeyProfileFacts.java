package dev.keyhole.passkey;

import dev.keyhole.account.ProfileFacts;
import dev.keyhole.account.UserId;
import org.springframework.stereotype.Component;

/** The passkey count in Ente's account details ({@code profileData.passkeyCount}). */
@Component
class PasskeyProfileFacts implements ProfileFacts {

    private final PasskeyService passkeys;

    PasskeyProfileFacts(PasskeyService passkeys) {
        this.passkeys = passkeys;
    }

    @Override
    public long passkeyCount(UserId user) {
        return passkeys.list(user).size();
    }
}
