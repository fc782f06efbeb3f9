/**
 * The encrypted authenticator data of Ente's sync API: each account's wrapped authenticator key and its
 * entities (one encrypted code each), with the diff that clients page through. Depends on {@code
 * account}, never the reverse. Public here: {@link dev.keyhole.vault.VaultService} and its records.
 */
@NullMarked
package dev.keyhole.vault;

import org.jspecify.annotations.NullMarked;
