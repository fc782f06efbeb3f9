package dev.keyhole.passkey;

import java.util.List;

/**
 * Ente's answer to {@code /users/two-factor/passkeys/begin}: the ceremony's id, to send back with the answer,
 * and the options for {@code navigator.credentials.get()} ({@code options.publicKey}), base64url values.
 * Only the account's own passkeys may answer; PRF is not asked for, this is a check and not an unlock.
 */
record SecondFactorChallenge(String ceremonySessionID, Options options) {

    record Options(PublicKey publicKey) {}

    record PublicKey(
            String challenge,
            String rpId,
            long timeout,
            String userVerification,
            List<AllowedCredential> allowCredentials) {}

    record AllowedCredential(String type, String id) {}

    static SecondFactorChallenge of(
            String ceremonyId, String challenge, String rpId, long timeoutMillis, List<String> credentialIds) {
        List<AllowedCredential> allowed = credentialIds.stream()
                .map(id -> new AllowedCredential("public-key", id))
                .toList();
        return new SecondFactorChallenge(
                ceremonyId, new Options(new PublicKey(challenge, rpId, timeoutMillis, "required", allowed)));
    }
}
