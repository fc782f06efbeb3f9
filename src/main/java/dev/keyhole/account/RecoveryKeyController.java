package dev.keyhole.account;

import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Ente's {@code PUT /users/recovery-key}; needs a token. */
@RestController
class RecoveryKeyController {

    private final RecoveryKeyService recoveryKeys;

    RecoveryKeyController(RecoveryKeyService recoveryKeys) {
        this.recoveryKeys = recoveryKeys;
    }

    @PutMapping("/users/recovery-key")
    Map<String, Object> set(
            @AuthenticationPrincipal CurrentUser user, @RequestBody RecoveryKeyService.RecoveryKeyAttributes request) {
        recoveryKeys.set(user.userId(), request);
        return Map.of();
    }
}
