package dev.keyhole.viewer;

import dev.keyhole.account.KeyAttributes;
import dev.keyhole.vault.AuthenticatorKey;
import dev.keyhole.vault.Entity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the browser needs to open the vault: the key attributes (to unlock with the password), the
 * wrapped authenticator key (null before any sync client created one), every entity changed after the
 * requested time oldest first, and the server's time (µs). All of it is ciphertext or public, in the JSON
 * shapes the sync API writes.
 */
record VaultSnapshot(
        KeyAttributes keyAttributes, @Nullable AuthenticatorKey authenticatorKey, List<Entity> diff, long timestamp) {}
