package dev.keyhole.account;

import dev.keyhole.account.internal.KeyAttributesRepository;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.web.ApiException;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The last step of every sign-in: a new token, sealed to the account's public key (crypto_box_seal of
 * the 32 raw bytes, as Ente does), so that only a client that knows the password can read it. When the
 * account requires a second factor (a passkey, a TOTP code, or either), no token yet: the sign-in is held
 * until the factor is proven.
 */
@Component
class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    private final TokenService tokens;
    private final KeyAttributesRepository keyAttributes;
    /** Looked up at each sign-in: its implementation (passkeys) itself depends on accounts. */
    private final ObjectProvider<SecondFactor> secondFactor;

    private final TotpSessions totp;

    SignIn(
            TokenService tokens,
            KeyAttributesRepository keyAttributes,
            ObjectProvider<SecondFactor> secondFactor,
            TotpSessions totp) {
        this.tokens = tokens;
        this.keyAttributes = keyAttributes;
        this.secondFactor = secondFactor;
        this.totp = totp;
    }

    EmailAuthorizationResponse complete(UserId user, ClientInfo client, String method, @Nullable String srpM2) {
        SecondFactor factor = secondFactor.getIfAvailable(() -> SecondFactor.NONE);
        boolean passkey = factor.requiredFor(user);
        boolean code = totp.requiredFor(user);
        if (passkey || code) {
            log.info(
                    "Account {} passed the {} check; waiting for its {} (client {})",
                    user.value(),
                    method,
                    passkey && code ? "passkey or TOTP code" : passkey ? "passkey" : "TOTP code",
                    client.clientPackage());
            SecondFactor.@Nullable Pending pending = passkey ? factor.hold(user, client) : null;
            String sessionId = code ? totp.hold(user) : "";
            if (pending == null) {
                return EmailAuthorizationResponse.awaitingTotp(user, sessionId, srpM2);
            }
            return code
                    ? EmailAuthorizationResponse.awaitingPasskeyOrTotp(user, pending, sessionId, srpM2)
                    : EmailAuthorizationResponse.awaitingPasskey(user, pending, srpM2);
        }
        TokenService.IssuedToken token = tokens.issue(user, client);
        Optional<KeyAttributes> attributes = keyAttributes.find(user.value());
        log.info("Account {} signed in ({}, client {})", user.value(), method, client.clientPackage());
        if (attributes.isEmpty()) {
            return EmailAuthorizationResponse.plain(user, token.urlSafe());
        }
        return EmailAuthorizationResponse.sealed(user, attributes.get(), seal(token, attributes.get()), srpM2);
    }

    /**
     * Ends a sign-in that {@link #complete} held, now that its second factor passed: what the first check
     * alone would have returned. An account without keys has nothing to seal a token to; it cannot have
     * held a sign-in in practice (passkeys are registered from an unlocked vault), and gets no token here.
     */
    SealedSignIn afterSecondFactor(UserId user, ClientInfo client, String factor) {
        KeyAttributes attributes = keyAttributes
                .find(user.value())
                .orElseThrow(() -> new ApiException(
                        HttpStatus.CONFLICT,
                        "NO_KEYS",
                        "This account has no keys yet; finish signing up in an Ente app."));
        TokenService.IssuedToken token = tokens.issue(user, client);
        log.info(
                "Account {} signed in ({} after the first check, client {})",
                user.value(),
                factor,
                client.clientPackage());
        return new SealedSignIn(user.value(), attributes, seal(token, attributes));
    }

    private static String seal(TokenService.IssuedToken token, KeyAttributes attributes) {
        byte[] publicKey = Base64.getDecoder().decode(attributes.publicKey());
        return Base64.getEncoder().encodeToString(Sodium.sealedBoxSeal(token.raw(), publicKey));
    }
}
