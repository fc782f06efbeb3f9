package dev.keyhole.cli.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The account endpoints of the Ente sync API (docs/protocol.md §3): sign-up, SRP login, sessions. */
public final class AccountApi {

    /**
     * A sign-in's answer. With a second factor pending, no token: instead passkeySessionID (and accountsUrl,
     * the site that asks for the passkey) or twoFactorSessionID (a TOTP code). With both, Ente names the
     * TOTP session twoFactorSessionIDV2, which is left out here: this CLI then takes the passkey path.
     */
    public record EmailAuthorization(
            long id,
            @Nullable String token,
            @Nullable String encryptedToken,
            @Nullable KeyAttributes keyAttributes,
            @Nullable String twoFactorSessionID,
            @Nullable String passkeySessionID,
            @Nullable String accountsUrl,
            @Nullable String srpM2) {}

    public record SrpAttributes(
            String srpUserID,
            String srpSalt,
            long memLimit,
            long opsLimit,
            String kekSalt,
            boolean isEmailMFAEnabled) {}

    public record SrpSetup(String srpUserID, String srpSalt, String srpVerifier, String srpA) {}

    public record SrpSetupAnswer(String setupID, String srpB) {}

    public record SrpSession(String sessionID, String srpB) {}

    private final HttpJson http;

    public AccountApi(Server server) {
        this.http = server.http();
    }

    /** Emails a one-time code; {@code purpose} is "signup" or "login". */
    public void sendOtt(String email, String purpose) {
        http.send("POST", "/users/ott", Map.of("email", email, "purpose", purpose), null);
    }

    public EmailAuthorization verifyEmail(String email, String ott) {
        return http.read(
                http.send("POST", "/users/verify-email", Map.of("email", email, "ott", ott), null),
                EmailAuthorization.class);
    }

    public void putKeyAttributes(String token, KeyAttributes attributes) {
        http.send("PUT", "/users/attributes", Map.of("keyAttributes", attributes), token);
    }

    public SrpSetupAnswer setupSrp(String token, SrpSetup setup) {
        return http.read(http.send("POST", "/users/srp/setup", setup, token), SrpSetupAnswer.class);
    }

    /** Returns srpM2, the server's proof. */
    public String completeSrp(String token, String setupID, String srpM1) {
        return http.send("POST", "/users/srp/complete", Map.of("setupID", setupID, "srpM1", srpM1), token)
                .path("srpM2")
                .asString("");
    }

    /** The KEK part of the key attributes that a new password replaces (Ente's {@code updatedKeyAttr}). */
    public record UpdatedKek(
            String kekSalt, String encryptedKey, String keyDecryptionNonce, long memLimit, long opsLimit) {}

    /**
     * A new password (Ente's {@code srp/update}): the proven verifier and the master key under the new KEK;
     * every other session of the account ends. Returns srpM2, the server's proof.
     */
    public String updateSrp(String token, String setupID, String srpM1, UpdatedKek kek) {
        return http.send(
                        "POST",
                        "/users/srp/update",
                        Map.of("setupID", setupID, "srpM1", srpM1, "updatedKeyAttr", kek, "logOutOtherDevices", true),
                        token)
                .path("srpM2")
                .asString("");
    }

    /** Empty when the account has no SRP set up (it must then log in by emailed code). */
    public Optional<SrpAttributes> srpAttributes(String email) {
        try {
            JsonNode json = http.send(
                    "GET",
                    "/users/srp/attributes?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
                    null,
                    null);
            return Optional.of(http.read(json.path("attributes"), SrpAttributes.class));
        } catch (ServerException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public SrpSession createSrpSession(String srpUserID, String srpA) {
        return http.read(
                http.send("POST", "/users/srp/create-session", Map.of("srpUserID", srpUserID, "srpA", srpA), null),
                SrpSession.class);
    }

    public EmailAuthorization verifySrpSession(String sessionID, String srpUserID, String srpM1) {
        return http.read(
                http.send(
                        "POST",
                        "/users/srp/verify-session",
                        Map.of("sessionID", sessionID, "srpUserID", srpUserID, "srpM1", srpM1),
                        null),
                EmailAuthorization.class);
    }

    /**
     * The sign-in held for a passkey, once someone approved it with that passkey in a browser; empty while
     * nobody has (Ente's {@code PASSKEY_NOT_VERIFIED}), so that the caller can ask again.
     */
    public Optional<EmailAuthorization> passkeySignIn(String passkeySessionID) {
        try {
            return Optional.of(http.read(
                    http.send(
                            "GET",
                            "/users/two-factor/passkeys/get-token?sessionID="
                                    + URLEncoder.encode(passkeySessionID, StandardCharsets.UTF_8),
                            null,
                            null),
                    EmailAuthorization.class));
        } catch (ServerException e) {
            if (e.status() == 400 && e.code().equals("PASSKEY_NOT_VERIFIED")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A TOTP code for a sign-in held for one: {@code {id, keyAttributes, encryptedToken}} once it passes. */
    public EmailAuthorization verifyTotp(String twoFactorSessionID, String code) {
        return http.read(
                http.send(
                        "POST",
                        "/users/two-factor/verify",
                        Map.of("sessionID", twoFactorSessionID, "code", code),
                        null),
                EmailAuthorization.class);
    }

    /** The account's active sessions, as the server describes them. */
    public JsonNode sessions(String token) {
        return http.send("GET", "/users/sessions", null, token);
    }

    /** Revokes this token on the server. */
    public void logout(String token) {
        http.send("POST", "/users/logout", null, token);
    }
}
