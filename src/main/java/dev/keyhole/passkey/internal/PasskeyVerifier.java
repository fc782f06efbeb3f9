package dev.keyhole.passkey.internal;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The WebAuthn checks, by webauthn4j: challenge, origin, relying-party id, user presence and verification,
 * signature, and the signature counter (a counter that does not grow means a cloned authenticator).
 * Attestation is not judged ("none" is what passkey providers send); possession is what matters here.
 */
public final class PasskeyVerifier {

    /** ES256, EdDSA and RS256: what platform and roaming authenticators use. */
    public static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(converter);
    private final AttestedCredentialDataConverter credentials = new AttestedCredentialDataConverter(converter);

    public StoredCredential verifyRegistration(String responseJson, byte[] challenge, String origin, String rpId) {
        return rejectingFailures("registration", () -> {
            RegistrationData data = webAuthn.parseRegistrationResponseJSON(responseJson);
            webAuthn.verify(data, new RegistrationParameters(server(challenge, origin, rpId), ALGORITHMS, true, true));
            AuthenticatorData<?> authenticator =
                    Objects.requireNonNull(data.getAttestationObject()).getAuthenticatorData();
            AttestedCredentialData attested = Objects.requireNonNull(authenticator.getAttestedCredentialData());
            return new StoredCredential(
                    attested.getCredentialId(),
                    credentials.convert(attested),
                    authenticator.getSignCount(),
                    authenticator.isFlagBE(),
                    authenticator.isFlagBS());
        });
    }

    /** The credential id an assertion claims to come from, to find the stored credential before verifying. */
    public byte[] credentialIdOf(String assertionJson) {
        return rejectingFailures(
                "sign-in",
                () -> Objects.requireNonNull(
                        webAuthn.parseAuthenticationResponseJSON(assertionJson).getCredentialId()));
    }

    /** Verifies an assertion against the stored credential and returns the authenticator's new counter. */
    public long verifyAssertion(
            String assertionJson, byte[] challenge, StoredCredential stored, String origin, String rpId) {
        return rejectingFailures("sign-in", () -> {
            AuthenticationData data = webAuthn.parseAuthenticationResponseJSON(assertionJson);
            CredentialRecordImpl record = new CredentialRecordImpl(
                    null,
                    true,
                    stored.backupEligible(),
                    stored.backupState(),
                    stored.signCount(),
                    credentials.convert(stored.attestedCredentialData()),
                    null,
                    null,
                    null,
                    null);
            webAuthn.verify(
                    data,
                    new AuthenticationParameters(
                            server(challenge, origin, rpId), record, List.of(stored.credentialId()), true, true));
            return Objects.requireNonNull(data.getAuthenticatorData()).getSignCount();
        });
    }

    /**
     * webauthn4j reports a failed check with VerificationException, unreadable input with
     * DataConversionException or Jackson's (unchecked) exceptions, and missing parts as nulls; all of them
     * mean the same to a user: this passkey response is not accepted.
     */
    private static <T> T rejectingFailures(String ceremony, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw new PasskeyRejectedException(ceremony, e);
        }
    }

    private static ServerProperty server(byte[] challenge, String origin, String rpId) {
        return ServerProperty.builder()
                .origin(new Origin(origin))
                .rpId(rpId)
                .challenge(new DefaultChallenge(challenge))
                .build();
    }
}
