package dev.keyhole.vault;

import dev.keyhole.api.ApiRoutes;
import java.util.List;
import org.springframework.stereotype.Component;

/** The vault's sync API: every /authenticator endpoint needs a token. */
@Component
class VaultRoutes implements ApiRoutes {

    @Override
    public List<String> paths() {
        return List.of("/authenticator/**");
    }
}
