package dev.keyhole.account;

import dev.keyhole.account.internal.KeyAttributesRepository;
import dev.keyhole.account.internal.TwoFactorRepository;
import dev.keyhole.account.internal.UserRepository;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.api.RequestFields;
import dev.keyhole.web.ApiException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What other features may ask of accounts. The web viewer, for example, exchanges a sync token that its
 * browser client obtained by SRP for a web session with {@link #authenticate}, and may mint a sync token
 * for a signed-in user with {@link #issueToken}.
 */
@Service
public class AccountService {

    private final UserRepository users;
    private final KeyAttributesRepository keyAttributes;
    private final TokenService tokens;
    private final SignIn signIn;
    private final TwoFactorRepository twoFactor;
    private final Clock clock;

    AccountService(
            UserRepository users,
            KeyAttributesRepository keyAttributes,
            TokenService tokens,
            SignIn signIn,
            TwoFactorRepository twoFactor,
            Clock clock) {
        this.users = users;
        this.keyAttributes = keyAttributes;
        this.tokens = tokens;
        this.signIn = signIn;
        this.twoFactor = twoFactor;
        this.clock = clock;
    }

    /** The account with this email (trimmed, case-insensitive), if any. */
    public Optional<UserId> findByEmail(String email) {
        return users.findIdByEmail(email.trim().toLowerCase(Locale.ROOT)).map(UserId::new);
    }

    public Optional<String> email(UserId user) {
        return users.findEmail(user.value());
    }

    /** Whose token this is (the raw token, URL-safe base64 as Ente sends it); empty if unknown or revoked. */
    public Optional<CurrentUser> authenticate(String token) {
        return tokens.authenticate(token);
    }

    /** A new sync token for the user, in Ente's wire form. Log it nowhere. */
    public String issueToken(UserId user, ClientInfo client) {
        return tokens.issue(user, client).urlSafe();
    }

    /**
     * Ends a sign-in that a {@link SecondFactor} held, once that factor is proven: a new token for the client
     * that passed the first check, sealed to the account's public key. Only the second factor calls this.
     */
    public SealedSignIn completeHeldSignIn(UserId user, ClientInfo client) {
        return signIn.afterSecondFactor(user, client, "passkey");
    }

    /** Ends a session by its public id (as {@link CurrentUser#sessionId()} gives it); nothing if not the user's. */
    public void revokeSession(UserId user, String sessionId) {
        tokens.revoke(user, sessionId);
    }

    /** Whether sign-in asks for an emailed code even after the password ({@code PUT /users/email-mfa}). */
    public boolean emailMfaEnabled(UserId user) {
        return users.emailMfa(user.value());
    }

    /** Whether sign-in asks for a TOTP code after the password or emailed code. */
    public boolean totpEnabled(UserId user) {
        return twoFactor.isEnabled(user.value());
    }

    public Optional<KeyAttributes> keyAttributes(UserId user) {
        return keyAttributes.find(user.value());
    }

    public boolean hasKeyAttributes(UserId user) {
        return keyAttributes.exists(user.value());
    }

    /** {@code PUT /users/attributes}: once per account, as on Ente's server (403 the second time). */
    void setKeyAttributes(UserId user, @Nullable KeyAttributes attributes) {
        KeyAttributes valid =
                RequestFields.required(attributes, "keyAttributes").validated();
        if (!keyAttributes.insert(user.value(), valid, EpochMicros.now(clock))) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "KEY_ATTRIBUTES_ALREADY_SET",
                    "This account's key attributes are already set.");
        }
    }
}
