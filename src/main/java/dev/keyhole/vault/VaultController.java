package dev.keyhole.vault;

import dev.keyhole.account.CurrentUser;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.web.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

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
    private final Clock clock;
    private final JsonMapper json;

    VaultController(VaultService vault, Clock clock, JsonMapper json) {
        this.vault = vault;
        this.clock = clock;
        this.json = json;
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

    /**
     * The bytes Jackson writes for an {@link EntityDiff}, around entities encoded once per account clock
     * (ADR 0023); the timestamp is this answer's own, the clients' clock correction.
     */
    @GetMapping(path = "/authenticator/entity/diff", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] diff(@AuthenticationPrincipal CurrentUser user, @RequestParam long sinceTime, @RequestParam int limit) {
        EntityJson changed = vault.diffJson(user.userId(), sinceTime, limit);
        return changed.in(json.writeValueAsBytes(new EntityDiff(List.of(), EpochMicros.now(clock))));
    }
}
