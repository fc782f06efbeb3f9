package dev.keyhole.account;

import dev.keyhole.api.ApiRoutes;
import java.util.List;
import org.springframework.stereotype.Component;

/** Account's part of the sync API: everything under /users, open only for the sign-in steps before a token. */
@Component
class AccountRoutes implements ApiRoutes {

    @Override
    public List<String> paths() {
        return List.of("/users/**");
    }

    @Override
    public List<String> publicPaths() {
        return List.of(
                "/users/ott",
                "/users/verify-email",
                "/users/srp/attributes",
                "/users/srp/create-session",
                "/users/srp/verify-session",
                "/users/two-factor/verify",
                "/users/two-factor/recover",
                "/users/two-factor/remove");
    }
}
