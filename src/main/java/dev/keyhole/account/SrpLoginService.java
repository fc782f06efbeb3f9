package dev.keyhole.account;

import static dev.keyhole.api.RequestFields.base64;
import static dev.keyhole.api.RequestFields.required;

import dev.keyhole.account.internal.ServerSecrets;
import dev.keyhole.account.internal.SrpAuthRepository;
import dev.keyhole.account.internal.SrpAuthRepository.LoginParameters;
import dev.keyhole.account.internal.SrpAuthRepository.SrpAuth;
import dev.keyhole.account.internal.UserRepository;
import dev.keyhole.crypto.SrpGroup;
import dev.keyhole.web.ApiException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Password sign-in: SRP attributes for an email, then create-session and verify-session. */
@Service
class SrpLoginService {

    record SrpAttributes(
            UUID srpUserID, String srpSalt, long memLimit, long opsLimit, String kekSalt, boolean isEmailMFAEnabled) {}

    private final SrpAuthRepository srpAuth;
    private final SrpSessions sessions;
    private final SignIn signIn;
    private final ServerSecrets secrets;
    private final UserRepository users;
    private final TransactionTemplate transaction;

    SrpLoginService(
            SrpAuthRepository srpAuth,
            UserRepository users,
            SrpSessions sessions,
            SignIn signIn,
            ServerSecrets secrets,
            TransactionTemplate transaction) {
        this.srpAuth = srpAuth;
        this.sessions = sessions;
        this.signIn = signIn;
        this.secrets = secrets;
        this.users = users;
        this.transaction = transaction;
    }

    SrpAttributes attributes(@Nullable String email) {
        String normalised = Emails.normalise(email);
        return srpAuth.findLoginParameters(normalised)
                .map(SrpLoginService::real)
                .orElseGet(() -> fake(normalised));
    }

    SrpSessions.Started createSession(@Nullable UUID srpUserId, @Nullable String srpA, String clientKey) {
        UUID identity = required(srpUserId, "srpUserID");
        byte[] publicA = base64(srpA, "srpA", SrpGroup.N_BYTES);
        Optional<SrpAuth> account = srpAuth.findComplete(identity);
        boolean emailMfa = account.map(auth -> users.emailMfa(auth.userId()))
                .orElseGet(() -> DecoyAttributes.emailMfa(decoyKey(), identity));
        if (emailMfa) {
            // As Ente: such an account signs in with an emailed code, never with the password alone.
            throw new ApiException(HttpStatus.CONFLICT, "EMAIL_MFA_ENABLED", "Email MFA is enabled");
        }
        byte[] verifier = account.map(auth -> decode(auth.verifier())).orElse(null);
        return sessions.start(identity, verifier, publicA, clientKey);
    }

    EmailAuthorizationResponse verifySession(
            @Nullable UUID sessionId, @Nullable UUID srpUserId, @Nullable String srpM1, ClientInfo client) {
        UUID session = required(sessionId, "sessionID");
        UUID identity = required(srpUserId, "srpUserID");
        byte[] clientM1 = base64(srpM1, "srpM1", SrpGroup.PROOF_BYTES);
        Optional<SrpAuth> account = srpAuth.findComplete(identity);
        byte[] serverM2 = sessions.verify(
                session, identity, account.map(auth -> decode(auth.verifier())).orElse(null), clientM1);
        return transaction.execute(status -> {
            sessions.markVerified(session);
            return signIn.complete(
                    new UserId(account.orElseThrow().userId()),
                    client,
                    "password",
                    Base64.getEncoder().encodeToString(serverM2));
        });
    }

    private static SrpAttributes real(LoginParameters found) {
        return new SrpAttributes(
                found.srpUserId(),
                found.srpSalt(),
                found.memLimit(),
                found.opsLimit(),
                found.kekSalt(),
                found.emailMfa());
    }

    /** Attributes for an email without an account that look like a real account's (see DecoyAttributes). */
    private SrpAttributes fake(String email) {
        return DecoyAttributes.forEmail(decoyKey(), email);
    }

    private byte[] decoyKey() {
        return secrets.key("fake-srp-attributes");
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
