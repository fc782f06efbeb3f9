package dev.keyhole.passkey;

/**
 * What the browser passes to {@code navigator.credentials.get()} for a discoverable sign-in (no credential
 * list: the authenticator offers the user's passkeys), with the PRF salt to evaluate. base64url values.
 */
public record SignInOptions(String challenge, String rpId, String prfSalt) {}
