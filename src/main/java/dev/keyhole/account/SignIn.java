package dev.keyhole.account;

import dev.keyhole.account.internal.KeyAttributesRepository;
import dev.keyhole.crypto.Sodium;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last step of every sign-in: a new token, sealed to the account's public key (crypto_box_seal of
 * the 32 raw bytes, as Ente does), so that only a client that knows the password can read it.
 */
@Component
class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    private final TokenService tokens;
    private final KeyAttributesRepository keyAttributes;

    SignIn(TokenService tokens, KeyAttributesRepository keyAttributes) {
        this.tokens = tokens;
        this.keyAttributes = keyAttributes;
    }

    EmailAuthorizationResponse complete(UserId user, ClientInfo client, String method, @Nullable String srpM2) {
        TokenService.IssuedToken token = tokens.issue(user, client);
        Optional<KeyAttributes> attributes = keyAttributes.find(user.value());
        log.info("Account {} signed in ({}, client {})", user.value(), method, client.clientPackage());
        if (attributes.isEmpty()) {
            return EmailAuthorizationResponse.plain(user, token.urlSafe());
        }
        byte[] publicKey = Base64.getDecoder().decode(attributes.get().publicKey());
        String sealed = Base64.getEncoder().encodeToString(Sodium.sealedBoxSeal(token.raw(), publicKey));
        return EmailAuthorizationResponse.sealed(user, attributes.get(), sealed, srpM2);
    }
}
