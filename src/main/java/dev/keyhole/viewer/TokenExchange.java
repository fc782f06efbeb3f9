package dev.keyhole.viewer;

import java.util.OptionalLong;

/** Turns a sync token into the id of its account, revoking the token in the same step. */
interface TokenExchange {

    /** Empty for an unknown or revoked token; afterwards the token is revoked either way. */
    OptionalLong redeem(String token);
}
