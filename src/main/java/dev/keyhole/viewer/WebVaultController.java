package dev.keyhole.viewer;

import dev.keyhole.account.AccountService;
import dev.keyhole.account.KeyAttributes;
import dev.keyhole.account.UserId;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.vault.AuthenticatorKey;
import dev.keyhole.vault.Entity;
import dev.keyhole.vault.EntityDiff;
import dev.keyhole.vault.EntityJson;
import dev.keyhole.vault.VaultService;
import dev.keyhole.web.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /web/vault}: the signed-in account's encrypted vault as the sync API stores it, for the
 * browser to decrypt. Read-only: the viewer only forwards it.
 */
@RestController
class WebVaultController {

    /** The sync API's own page limit; later changes are read page by page, up to MAX_PAGES of them. */
    private static final int PAGE = 5000;

    private static final int MAX_PAGES = 20;

    private final AccountService accounts;
    private final VaultService vault;
    private final Clock clock;
    private final JsonMapper json;

    WebVaultController(AccountService accounts, VaultService vault, Clock clock, JsonMapper json) {
        this.accounts = accounts;
        this.vault = vault;
        this.clock = clock;
        this.json = json;
    }

    /**
     * {@code sinceTime} (µs): only the entities changed after it; 0 for the first load. The bytes Jackson
     * writes for the {@link VaultSnapshot}; the first load's entities are encoded once per account clock
     * (ADR 0023).
     */
    @GetMapping(path = "/web/vault", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] vault(@AuthenticationPrincipal ViewerPrincipal viewer, @RequestParam(defaultValue = "0") long sinceTime) {
        if (sinceTime < 0) {
            throw ApiException.badRequest("INVALID_PARAMETER", "sinceTime must not be negative.");
        }
        UserId user = viewer.userId();
        KeyAttributes keyAttributes = accounts.keyAttributes(user)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.CONFLICT,
                        "NO_KEYS",
                        "This account has no keys yet: finish setting it up in an Ente app."));
        Optional<AuthenticatorKey> key = vault.key(user);
        if (key.isEmpty()) {
            return json.writeValueAsBytes(new VaultSnapshot(keyAttributes, null, List.of(), EpochMicros.now(clock)));
        }
        if (sinceTime == 0) {
            // The first load: the live entities in one read (tombstones mean nothing to a fresh reader).
            EntityJson live = vault.liveJson(user);
            long now = EpochMicros.now(clock);
            return live.in(json.writeValueAsBytes(new VaultSnapshot(keyAttributes, key.get(), List.of(), now)));
        }
        List<Entity> changes = new ArrayList<>();
        long since = sinceTime;
        for (int page = 0; page < MAX_PAGES; page++) {
            EntityDiff diff = vault.diff(user, since, PAGE);
            changes.addAll(diff.diff());
            if (diff.diff().size() < PAGE) {
                return json.writeValueAsBytes(new VaultSnapshot(keyAttributes, key.get(), changes, diff.timestamp()));
            }
            since = diff.diff().getLast().updatedAt();
        }
        return json.writeValueAsBytes(new VaultSnapshot(keyAttributes, key.get(), changes, EpochMicros.now(clock)));
    }
}
