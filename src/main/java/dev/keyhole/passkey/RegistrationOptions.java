package dev.keyhole.passkey;

import java.util.List;

/**
 * What the browser passes to {@code navigator.credentials.create()}: binary values as base64url without
 * padding (WebAuthn's JSON encoding). A discoverable credential with user verification, asking for PRF.
 */
public record RegistrationOptions(
        String challenge,
        String rpId,
        String rpName,
        String userHandle,
        String userName,
        List<String> excludeCredentialIds,
        String prfSalt) {}
