package dev.keyhole.passkey;

import dev.keyhole.account.AccountService;
import dev.keyhole.account.UserId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, turns the second-factor policy off for the accounts named in
 * {@code keyhole.passkeys.disable-requirement-for}, so that an owner who lost every passkey can sign in with
 * the password (and emailed code) again, register a new passkey and turn the policy back on. Only someone
 * who runs the server can do this; it logs one line per account named. Running it twice changes nothing.
 */
@Component
class PasskeyRequirementRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PasskeyRequirementRecovery.class);
    private static final String SETTING = "keyhole.passkeys.disable-requirement-for";

    private final PasskeyProperties properties;
    private final AccountService accounts;
    private final PasskeyService passkeys;

    PasskeyRequirementRecovery(PasskeyProperties properties, AccountService accounts, PasskeyService passkeys) {
        this.properties = properties;
        this.accounts = accounts;
        this.passkeys = passkeys;
    }

    @Override
    public void run(ApplicationArguments args) {
        turnOffFor(properties.disableRequirementFor());
    }

    void turnOffFor(List<String> emails) {
        for (String email : emails) {
            if (email.isBlank()) {
                continue;
            }
            Optional<UserId> account = accounts.findByEmail(email);
            if (account.isEmpty()) {
                log.warn("{}: no account has the email {}", SETTING, email.strip());
            } else if (passkeys.requiredAfterPassword(account.get())) {
                passkeys.requireAfterPassword(account.get(), false);
                log.warn(
                        "{}: account {} ({}) no longer requires a passkey after the password; remove it from the "
                                + "setting once the owner has turned the policy back on",
                        SETTING,
                        account.get().value(),
                        email.strip());
            } else {
                log.info(
                        "{}: account {} ({}) does not require a passkey after the password",
                        SETTING,
                        account.get().value(),
                        email.strip());
            }
        }
    }
}
