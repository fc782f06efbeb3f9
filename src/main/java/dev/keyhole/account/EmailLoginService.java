package dev.keyhole.account;

import dev.keyhole.KeyholeProperties;
import dev.keyhole.account.EmailCodeService.Outcome;
import dev.keyhole.account.internal.UserRepository;
import dev.keyhole.api.EpochMicros;
import dev.keyhole.api.RequestFields;
import dev.keyhole.web.ApiException;
import dev.keyhole.web.ClientAddress;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up and sign-in with an emailed code ({@code /users/ott}, {@code /users/verify-email}). A new email
 * becomes an account here, when registration is open, as on Ente's server.
 */
@Service
class EmailLoginService {

    private final EmailCodeService codes;
    private final UserRepository users;
    private final SignIn signIn;
    private final TransactionTemplate transaction;
    private final boolean registrationEnabled;
    private final Clock clock;

    EmailLoginService(
            EmailCodeService codes,
            UserRepository users,
            SignIn signIn,
            TransactionTemplate transaction,
            KeyholeProperties properties,
            Clock clock) {
        this.codes = codes;
        this.users = users;
        this.signIn = signIn;
        this.transaction = transaction;
        this.registrationEnabled = properties.registration().enabled();
        this.clock = clock;
    }

    /**
     * Sends a code whatever the purpose and whether or not the email has an account: unlike Ente, which
     * answers "already registered" or "not registered" here, so that this endpoint tells nobody who has one.
     * For a change of email Ente answers 403 when the new address is taken; Keyhole says so only at
     * {@code POST /users/change-email}, to a signed-in caller holding that address's code
     * ({@link ChangeEmailService}), and Ente's app shows the same "already in use" for both.
     */
    void sendCode(@Nullable String email, @Nullable String purpose, String clientKey) {
        codes.send(Emails.normalise(email), clientKey, !ChangeEmailService.PURPOSE.equals(purpose));
    }

    /** Checks the code against those sent for the client's address (its {@link ClientAddress} key). */
    EmailAuthorizationResponse verify(@Nullable String rawEmail, @Nullable String code, ClientInfo client) {
        String email = Emails.normalise(rawEmail);
        String given = RequestFields.required(code, "ott");
        String clientKey = ClientAddress.keyOf(client.ip());
        // One transaction: the code is consumed only if an account is signed in. A wrong code still counts,
        // so that outcome commits too; only a refused registration rolls back, leaving the code usable.
        Verification result = transaction.execute(status -> {
            Outcome outcome = codes.check(email, given, clientKey);
            if (outcome != Outcome.ACCEPTED) {
                return new Verification(outcome, null);
            }
            Optional<Long> existing = users.findIdByEmail(email);
            if (existing.isEmpty() && !registrationEnabled) {
                status.setRollbackOnly();
                return new Verification(outcome, null);
            }
            long id = existing.orElseGet(() -> users.findOrCreate(email, EpochMicros.now(clock)));
            return new Verification(outcome, signIn.complete(new UserId(id), client, "email code", null));
        });
        if (result.outcome() != Outcome.ACCEPTED) {
            throw EmailCodeService.refusal(result.outcome());
        }
        if (result.response() == null) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN, "REGISTRATION_DISABLED", "This server does not accept new accounts.");
        }
        codes.used(email, clientKey);
        return result.response();
    }

    private record Verification(Outcome outcome, @Nullable EmailAuthorizationResponse response) {}
}
