package dev.keyhole.passkey.internal;

import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.test.authenticator.webauthn.PackedAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;
import java.util.Base64;
import java.util.List;

/**
 * One emulated authenticator (webauthn4j's test authenticator) in a browser at a given origin, producing the
 * JSON a real browser's {@code PublicKeyCredential.toJSON()} would send.
 */
public final class EmulatedPasskey {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private final ClientPlatform browser;

    public EmulatedPasskey(String origin) {
        this.browser =
                new ClientPlatform(new Origin(origin), new WebAuthnAuthenticatorAdaptor(new PackedAuthenticator()));
    }

    public String create(byte[] challenge, String rpId) {
        PublicKeyCredentialCreationOptions options = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(rpId, "Keyhole"),
                new PublicKeyCredentialUserEntity(new byte[] {1, 2, 3}, "alice@example.com", "alice@example.com"),
                new DefaultChallenge(challenge),
                PasskeyVerifier.ALGORITHMS,
                60_000L,
                List.of(),
                new AuthenticatorSelectionCriteria(
                        null, true, ResidentKeyRequirement.REQUIRED, UserVerificationRequirement.REQUIRED),
                AttestationConveyancePreference.NONE,
                null);
        PublicKeyCredential<AuthenticatorAttestationResponse, ?> credential = browser.create(options);
        AuthenticatorAttestationResponse response = credential.getResponse();
        return """
                {"id":"%1$s","rawId":"%1$s","type":"public-key","clientExtensionResults":{},
                 "response":{"clientDataJSON":"%2$s","attestationObject":"%3$s","transports":["internal"]}}""".formatted(
                b64(credential.getRawId()), b64(response.getClientDataJSON()), b64(response.getAttestationObject()));
    }

    public String get(byte[] challenge, String rpId) {
        PublicKeyCredentialRequestOptions options = new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(challenge), 60_000L, rpId, List.of(), UserVerificationRequirement.REQUIRED, null);
        PublicKeyCredential<AuthenticatorAssertionResponse, ?> credential = browser.get(options);
        AuthenticatorAssertionResponse response = credential.getResponse();
        return """
                {"id":"%1$s","rawId":"%1$s","type":"public-key","clientExtensionResults":{},
                 "response":{"clientDataJSON":"%2$s","authenticatorData":"%3$s","signature":"%4$s","userHandle":"%5$s"}}""".formatted(
                        b64(credential.getRawId()),
                        b64(response.getClientDataJSON()),
                        b64(response.getAuthenticatorData()),
                        b64(response.getSignature()),
                        b64(response.getUserHandle()));
    }

    private static String b64(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }
}
