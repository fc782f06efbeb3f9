package dev.keyhole.viewer;

import dev.keyhole.account.AccountService;
import dev.keyhole.account.CurrentUser;
import dev.keyhole.account.EpochMicros;
import dev.keyhole.account.KeyAttributes;
import dev.keyhole.account.UserId;
import dev.keyhole.vault.AuthenticatorKey;
import dev.keyhole.vault.Entity;
import dev.keyhole.vault.EntityDiff;
import dev.keyhole.vault.VaultService;
import dev.keyhole.web.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The viewer's view of the sync API's accounts and vault: token exchange and reads, never a write of codes. */
@Component
class SyncBackedViewerStore implements TokenExchange, VaultSource {

    /** The sync API's own page limit; later changes are read page by page, up to MAX_PAGES of them. */
    private static final int PAGE = 5000;

    private static final int MAX_PAGES = 20;

    private final AccountService accounts;
    private final VaultService vault;
    private final Clock clock;

    SyncBackedViewerStore(AccountService accounts, VaultService vault, Clock clock) {
        this.accounts = accounts;
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    public OptionalLong redeem(String token) {
        Optional<CurrentUser> user = accounts.authenticate(token);
        if (user.isEmpty()) {
            return OptionalLong.empty();
        }
        // The browser must keep no credential that can write: the token ends here, the web session
        // (which can only read) takes its place.
        accounts.revokeSession(user.get().userId(), user.get().sessionId());
        return OptionalLong.of(user.get().userId().value());
    }

    @Override
    public Snapshot changesSince(long userId, long sinceTime) {
        UserId user = new UserId(userId);
        KeyAttributes keyAttributes = accounts.keyAttributes(user)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.CONFLICT,
                        "NO_KEYS",
                        "This account has no keys yet: finish setting it up in an Ente app."));
        Optional<AuthenticatorKey> key = vault.key(user);
        if (key.isEmpty()) {
            return new Snapshot(keyAttributes, null, List.of(), EpochMicros.now(clock));
        }
        if (sinceTime == 0) {
            // The first load: the live entities in one read (tombstones mean nothing to a fresh reader).
            long now = EpochMicros.now(clock);
            return new Snapshot(keyAttributes, key.get(), vault.liveEntities(user), now);
        }
        List<Entity> changes = new ArrayList<>();
        long since = sinceTime;
        for (int page = 0; page < MAX_PAGES; page++) {
            EntityDiff diff = vault.diff(user, since, PAGE);
            changes.addAll(diff.diff());
            if (diff.diff().size() < PAGE) {
                return new Snapshot(keyAttributes, key.get(), changes, diff.timestamp());
            }
            since = diff.diff().getLast().updatedAt();
        }
        return new Snapshot(keyAttributes, key.get(), changes, EpochMicros.now(clock));
    }
}
