package dev.keyhole.passkey.internal;

/**
 * What must be kept of a credential to verify its later assertions: its id, the attested credential data
 * (which holds the public key) as webauthn4j serialises it, the last signature counter and backup flags.
 */
public record StoredCredential(
        byte[] credentialId,
        byte[] attestedCredentialData,
        long signCount,
        boolean backupEligible,
        boolean backupState) {}
