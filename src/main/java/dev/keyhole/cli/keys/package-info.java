/**
 * Account key material on the client: Argon2id key derivation, new accounts' keys, unlocking the master key.
 */
@NullMarked
package dev.keyhole.cli.keys;

import org.jspecify.annotations.NullMarked;
