package dev.keyhole.passkey;

import dev.keyhole.account.UserId;
import org.jspecify.annotations.Nullable;

/** A verified passkey sign-in: whose it was, which passkey, and its PRF-wrapped master key if it has one. */
public record SignedIn(
        UserId user, String passkeyId, @Nullable PrfWrappedKey prf) {}
