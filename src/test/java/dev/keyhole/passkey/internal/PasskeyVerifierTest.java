package dev.keyhole.passkey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.crypto.Sodium;
import org.junit.jupiter.api.Test;

/** Server-side WebAuthn verification against webauthn4j's emulated authenticators. */
class PasskeyVerifierTest {

    private static final String ORIGIN = "http://localhost:8080";
    private static final String RP_ID = "localhost";

    private final PasskeyVerifier verifier = new PasskeyVerifier();
    private final EmulatedPasskey passkey = new EmulatedPasskey(ORIGIN);

    @Test
    void registrationWithTheRightChallengeOriginAndRpIdIsAccepted() {
        byte[] challenge = Sodium.randomBytes(32);

        StoredCredential credential =
                verifier.verifyRegistration(passkey.create(challenge, RP_ID), challenge, ORIGIN, RP_ID);

        assertThat(credential.credentialId()).isNotEmpty();
        assertThat(credential.attestedCredentialData()).isNotEmpty();
    }

    @Test
    void registrationAnsweringAnotherChallengeIsRejected() {
        String response = passkey.create(Sodium.randomBytes(32), RP_ID);

        assertThatThrownBy(() -> verifier.verifyRegistration(response, Sodium.randomBytes(32), ORIGIN, RP_ID))
                .isInstanceOf(PasskeyRejectedException.class);
    }

    @Test
    void registrationFromAnotherOriginIsRejected() {
        byte[] challenge = Sodium.randomBytes(32);
        String response = new EmulatedPasskey("https://evil.example").create(challenge, RP_ID);

        assertThatThrownBy(() -> verifier.verifyRegistration(response, challenge, ORIGIN, RP_ID))
                .isInstanceOf(PasskeyRejectedException.class);
    }

    @Test
    void registrationForAnotherRelyingPartyIsRejected() {
        byte[] challenge = Sodium.randomBytes(32);
        String response = passkey.create(challenge, "keyhole.example");

        assertThatThrownBy(() -> verifier.verifyRegistration(response, challenge, ORIGIN, RP_ID))
                .isInstanceOf(PasskeyRejectedException.class);
    }

    @Test
    void assertionFromTheRegisteredCredentialIsAcceptedAndAdvancesTheCounter() {
        StoredCredential stored = register();
        byte[] challenge = Sodium.randomBytes(32);
        String assertion = passkey.get(challenge, RP_ID);

        long counter = verifier.verifyAssertion(assertion, challenge, stored, ORIGIN, RP_ID);

        assertThat(counter).isGreaterThan(stored.signCount());
        assertThat(verifier.credentialIdOf(assertion)).isEqualTo(stored.credentialId());
    }

    @Test
    void assertionReplayedAgainstANewChallengeIsRejected() {
        StoredCredential stored = register();
        byte[] challenge = Sodium.randomBytes(32);
        String assertion = passkey.get(challenge, RP_ID);

        assertThatThrownBy(() -> verifier.verifyAssertion(assertion, Sodium.randomBytes(32), stored, ORIGIN, RP_ID))
                .isInstanceOf(PasskeyRejectedException.class);
    }

    @Test
    void assertionFromAClonedAuthenticatorWithAStaleCounterIsRejected() {
        StoredCredential registered = register();
        byte[] staleChallenge = Sodium.randomBytes(32);
        String stale = passkey.get(staleChallenge, RP_ID);
        byte[] freshChallenge = Sodium.randomBytes(32);
        long advanced =
                verifier.verifyAssertion(passkey.get(freshChallenge, RP_ID), freshChallenge, registered, ORIGIN, RP_ID);
        StoredCredential afterUse = new StoredCredential(
                registered.credentialId(),
                registered.attestedCredentialData(),
                advanced,
                registered.backupEligible(),
                registered.backupState());

        assertThatThrownBy(() -> verifier.verifyAssertion(stale, staleChallenge, afterUse, ORIGIN, RP_ID))
                .isInstanceOf(PasskeyRejectedException.class);
    }

    @Test
    void assertionSignedByAnotherCredentialIsRejected() {
        StoredCredential stored = register();
        EmulatedPasskey other = new EmulatedPasskey(ORIGIN);
        byte[] registration = Sodium.randomBytes(32);
        verifier.verifyRegistration(other.create(registration, RP_ID), registration, ORIGIN, RP_ID);
        byte[] challenge = Sodium.randomBytes(32);

        assertThatThrownBy(
                        () -> verifier.verifyAssertion(other.get(challenge, RP_ID), challenge, stored, ORIGIN, RP_ID))
                .isInstanceOf(PasskeyRejectedException.class);
    }

    @Test
    void malformedJsonIsRejectedNotThrownThrough() {
        assertThatThrownBy(() -> verifier.credentialIdOf("{not json")).isInstanceOf(PasskeyRejectedException.class);
        assertThatThrownBy(() -> verifier.verifyRegistration("{}", new byte[32], ORIGIN, RP_ID))
                .isInstanceOf(PasskeyRejectedException.class);
    }

    private StoredCredential register() {
        byte[] challenge = Sodium.randomBytes(32);
        return verifier.verifyRegistration(passkey.create(challenge, RP_ID), challenge, ORIGIN, RP_ID);
    }
}
