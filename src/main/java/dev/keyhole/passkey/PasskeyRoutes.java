package dev.keyhole.passkey;

import dev.keyhole.api.ApiRoutes;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The passkey second factor's sync API steps. They are open because they come after a password check that
 * issued no token yet; each needs the pending session's id, and finish a passkey of that account.
 */
@Component
class PasskeyRoutes implements ApiRoutes {

    @Override
    public List<String> paths() {
        return List.of("/users/two-factor/passkeys/**");
    }

    @Override
    public List<String> publicPaths() {
        return List.of(
                "/users/two-factor/passkeys/begin",
                "/users/two-factor/passkeys/finish",
                "/users/two-factor/passkeys/get-token");
    }
}
