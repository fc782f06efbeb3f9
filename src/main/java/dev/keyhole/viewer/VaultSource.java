package dev.keyhole.viewer;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The encrypted vault as the sync API stores it, read for one account. The viewer only forwards it. */
interface VaultSource {

    /**
     * Everything the browser needs to open the vault: the key attributes (to unlock with the password),
     * the wrapped authenticator key (null before any sync client created one), every entity changed after
     * {@code sinceTime} (µs) oldest first, and the server's time (µs). Values are as the sync API writes
     * them in JSON; all of them are ciphertext or public.
     */
    Snapshot changesSince(long userId, long sinceTime);

    record Snapshot(Object keyAttributes, @Nullable Object authenticatorKey, List<?> diff, long timestamp) {}
}
