/**
 * Passkeys (WebAuthn, verified with webauthn4j): discoverable sign-in, a master key wrapped under a key the
 * browser derives from the authenticator's PRF output (the output itself never leaves the browser), and
 * the "passkey after password" second-factor policy.
 */
@NullMarked
package dev.keyhole.passkey;

import org.jspecify.annotations.NullMarked;
