package dev.keyhole.viewer;

import dev.keyhole.api.RequestFields;
import dev.keyhole.web.ApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A WebAuthn credential as the browser's {@code PublicKeyCredential.toJSON()} sends it, checked for what
 * the viewer can judge before webauthn4j reads it: present, an object, of a sane size, and without the
 * authenticator's PRF output, which must never leave the browser.
 */
final class CredentialJson {

    /** Far above what a passkey sends (a few KB with attestation "none"), far below the request limit. */
    static final int MAX_CHARS = 64 * 1024;

    private CredentialJson() {}

    static String of(@Nullable JsonNode credential) {
        if (credential == null || credential.isNull() || credential.isMissingNode()) {
            throw ApiException.badRequest("MISSING_FIELD", "The field credential is required.");
        }
        if (!credential.isObject()) {
            throw RequestFields.invalid("credential", "must be the passkey's JSON object");
        }
        if (!credential
                .path("clientExtensionResults")
                .path("prf")
                .path("results")
                .isMissingNode()) {
            // Refused rather than dropped: a browser that sends it has a bug that must not go unnoticed.
            throw ApiException.badRequest(
                    "PRF_OUTPUT_SENT",
                    "The passkey's PRF results must stay in the browser; send the credential without them.");
        }
        String json = credential.toString();
        if (json.length() > MAX_CHARS) {
            throw RequestFields.invalid("credential", "is larger than " + MAX_CHARS + " characters");
        }
        return json;
    }
}
