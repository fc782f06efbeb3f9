/**
 * Passkeys (WebAuthn, verified with webauthn4j): discoverable sign-in, a master key wrapped under a key the
 * browser derives from the authenticator's PRF output (the output itself never leaves the browser), and
 * the "passkey after password" second-factor policy, enforced on the sync API the way Ente's server does
 * it (passkeySessionID, begin, finish, get-token). docs/passkeys.md describes all of it for operators.
 */
@NullMarked
package dev.keyhole.passkey;

import org.jspecify.annotations.NullMarked;
