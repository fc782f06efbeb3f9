package dev.keyhole.vault;

import dev.keyhole.account.CurrentUser;
import dev.keyhole.web.ApiException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ente's {@code /authenticator/*} endpoints; all need a token and act on that token's account only. */
@RestController
class VaultController {

    record CreateKeyRequest(
            @Nullable String encryptedKey, @Nullable String header) {}

    record CreateEntityRequest(
            @Nullable String encryptedData, @Nullable String header) {}

    record UpdateEntityRequest(
            @Nullable UUID id,
            @Nullable String encryptedData,
            @Nullable String header) {}

    private final VaultService vault;

    VaultController(VaultService vault) {
        this.vault = vault;
    }

    @GetMapping("/authenticator/key")
    AuthenticatorKey key(@AuthenticationPrincipal CurrentUser user) {
        return vault.key(user.userId()).orElseThrow(() -> ApiException.notFound("No authenticator key yet."));
    }

    @PostMapping("/authenticator/key")
    void createKey(@AuthenticationPrincipal CurrentUser user, @RequestBody CreateKeyRequest request) {
        vault.createKey(user.userId(), request.encryptedKey(), request.header());
    }

    @PostMapping("/authenticator/entity")
    Entity create(@AuthenticationPrincipal CurrentUser user, @RequestBody CreateEntityRequest request) {
        return vault.create(user.userId(), request.encryptedData(), request.header());
    }

    @PutMapping("/authenticator/entity")
    void update(@AuthenticationPrincipal CurrentUser user, @RequestBody UpdateEntityRequest request) {
        vault.update(user.userId(), request.id(), request.encryptedData(), request.header());
    }

    @DeleteMapping("/authenticator/entity")
    void delete(@AuthenticationPrincipal CurrentUser user, @RequestParam UUID id) {
        vault.delete(user.userId(), id);
    }

    @GetMapping("/authenticator/entity/diff")
    EntityDiff diff(@AuthenticationPrincipal CurrentUser user, @RequestParam long sinceTime, @RequestParam int limit) {
        return vault.diff(user.userId(), sinceTime, limit);
    }
}
