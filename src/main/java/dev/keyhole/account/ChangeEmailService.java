package dev.keyhole.account;

import dev.keyhole.account.EmailCodeService.Outcome;
import dev.keyhole.account.internal.UserRepository;
import dev.keyhole.api.RequestFields;
import dev.keyhole.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ente's change of email: {@code POST /users/ott} with the purpose {@code change} mails a code to the new
 * address, and {@code POST /users/change-email} with that code moves the signed-in account to it. Sign-in
 * by password is unaffected (SRP is bound to the account's srpUserID, not to its email), but the SRP
 * attributes are looked up by the new email from then on, and the old one gets decoys like any stranger.
 */
@Service
class ChangeEmailService {

    /** The {@code purpose} of {@code POST /users/ott} that Ente's apps send for a change of email. */
    static final String PURPOSE = "change";

    private static final Logger log = LoggerFactory.getLogger(ChangeEmailService.class);

    private final EmailCodeService codes;
    private final UserRepository users;
    private final CodeDelivery mail;
    private final TransactionTemplate transaction;

    ChangeEmailService(
            EmailCodeService codes, UserRepository users, CodeDelivery mail, TransactionTemplate transaction) {
        this.codes = codes;
        this.users = users;
        this.mail = mail;
        this.transaction = transaction;
    }

    /**
     * The code is checked first, as on Ente's server: whether an address is taken is told only to someone who
     * proved they read its mail. A wrong code counts against that address's codes (from this client address
     * only, {@link EmailCodeService}); a taken address uses the code up and changes nothing, as Ente.
     */
    void change(UserId user, @Nullable String rawEmail, @Nullable String code, String clientKey) {
        String email = Emails.normalise(rawEmail);
        String given = RequestFields.required(code, "ott");
        Result result = transaction.execute(status -> {
            Outcome outcome = codes.check(email, given, clientKey);
            String oldEmail = users.findEmail(user.value()).orElse(null);
            if (outcome != Outcome.ACCEPTED || oldEmail == null) {
                return new Result(outcome, null);
            }
            if (users.findIdByEmail(email).isPresent()) {
                return new Result(outcome, null);
            }
            if (!users.updateEmail(user.value(), email)) {
                // Another account took the address meanwhile; the failed statement ends this transaction.
                status.setRollbackOnly();
                return new Result(outcome, null);
            }
            return new Result(outcome, oldEmail);
        });
        if (result.outcome() != Outcome.ACCEPTED) {
            throw EmailCodeService.refusal(result.outcome());
        }
        codes.used(email, clientKey);
        if (result.oldEmail() == null) {
            // Ente's status for a taken address (ErrPermissionDenied); its apps show "already in use" on 403.
            throw new ApiException(HttpStatus.FORBIDDEN, "EMAIL_ALREADY_IN_USE", "This email is already in use.");
        }
        log.info("Account {} changed its email", user.value());
        mail.emailChanged(result.oldEmail(), email);
    }

    /** {@code oldEmail}: the address the account left, null when nothing changed. */
    private record Result(Outcome outcome, @Nullable String oldEmail) {}
}
