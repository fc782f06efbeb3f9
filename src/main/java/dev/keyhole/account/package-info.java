/**
 * Ente-compatible accounts: emailed codes, SRP-6a sign-in, key attributes and auth tokens, which
 * authenticate the sync API (its chain, in {@code dev.keyhole.api}, takes them as an {@code
 * ApiAuthentication}). Public here: the types other features use ({@link
 * dev.keyhole.account.UserId}, {@link dev.keyhole.account.CurrentUser}, {@link
 * dev.keyhole.account.AccountService}, {@link dev.keyhole.account.KeyAttributes}, and {@link
 * dev.keyhole.account.SecondFactor}, which a feature built on accounts implements to hold sign-ins until
 * a further proof); everything else is package-private or in {@code internal}.
 */
@NullMarked
package dev.keyhole.account;

import org.jspecify.annotations.NullMarked;
