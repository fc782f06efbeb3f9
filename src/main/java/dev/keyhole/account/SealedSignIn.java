package dev.keyhole.account;

/**
 * A finished sign-in as Ente returns it after a second factor ({@code {id, keyAttributes, encryptedToken}}):
 * a new token sealed to the account's public key, readable only by a client that knows the password.
 */
public record SealedSignIn(long id, KeyAttributes keyAttributes, String encryptedToken) {}
