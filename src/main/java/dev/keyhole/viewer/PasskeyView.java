package dev.keyhole.viewer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.keyhole.passkey.Passkey;
import org.jspecify.annotations.Nullable;

/**
 * A passkey as the viewer's JSON shows it. {@code lastUsedAt} is written as null until the first use
 * (the application otherwise leaves nulls out), as the browser expects. Times are epoch microseconds.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record PasskeyView(
        String id, String name, long createdAt, @Nullable Long lastUsedAt, boolean unlocksVault) {

    static PasskeyView of(Passkey passkey) {
        return new PasskeyView(
                passkey.id(), passkey.name(), passkey.createdAt(), passkey.lastUsedAt(), passkey.unlocksVault());
    }
}
