package dev.keyhole.cli;

import dev.keyhole.cli.client.AccountApi;
import dev.keyhole.cli.client.AccountApi.EmailAuthorization;
import dev.keyhole.cli.client.KeyAttributes;
import dev.keyhole.cli.client.Server;
import dev.keyhole.cli.config.CliConfig;
import dev.keyhole.cli.keys.AccountKeys;
import dev.keyhole.cli.keys.Passwords;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "login",
        description = {
            "Log in to an existing account.",
            "The password (or KEYHOLE_PASSWORD) is checked by SRP and never leaves this computer. Accounts without "
                    + "SRP, or with email MFA, also need an emailed code (or KEYHOLE_OTT). Accounts that require a "
                    + "passkey after the password print a link where you approve the sign-in with it; accounts with "
                    + "a TOTP second factor ask for a code of your authenticator app (or KEYHOLE_TOTP)."
        })
final class LoginCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    ServerOption server = new ServerOption();

    @Option(
            names = "--email",
            paramLabel = "EMAIL",
            description = "Your email (default: the last one used on the server).")
    @Nullable
    String email;

    LoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String url = SignedIn.serverUrl(context, server);
        String address = email != null
                ? email
                : context.configStore()
                        .load()
                        .account(url)
                        .map(CliConfig.Account::email)
                        .orElseThrow(() -> new CliException("Which account? Use --email EMAIL."));
        AccountApi api = new AccountApi(Server.at(url));
        byte[] password =
                Passwords.take(context.terminal().secret("Password for " + address + ": ", Terminal.PASSWORD));
        try {
            SrpLogin.Result login = SrpLogin.run(context, api, address, password);
            EmailAuthorization answer = login.answer();
            if (answer.encryptedToken() == null && present(answer.passkeySessionID())) {
                answer = PasskeyApproval.of(context).await(context.out(), url, answer, api::passkeySignIn);
            }
            if (answer.encryptedToken() == null && present(answer.twoFactorSessionID())) {
                answer = TotpPrompt.of(context).passWith(api, answer.twoFactorSessionID());
            }
            KeyAttributes attributes = answer.keyAttributes();
            if (attributes == null || answer.encryptedToken() == null) {
                throw new CliException("This account has no keys yet; create them with an Ente app first.");
            }
            byte[] kek = login.kek() != null ? login.kek() : AccountKeys.kek(attributes, password);
            byte[] masterKey = AccountKeys.masterKey(attributes, kek);
            String token = AccountKeys.openToken(attributes, masterKey, answer.encryptedToken());
            Arrays.fill(masterKey, (byte) 0);
            Arrays.fill(kek, (byte) 0);
            context.configStore()
                    .save(context.configStore()
                            .load()
                            .withAccount(url, new CliConfig.Account(address, answer.id(), token, attributes)));
            context.out().println("Logged in to " + url + " as " + address + ".");
            return 0;
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** Ente sends the second-factor fields as empty strings when none applies. */
    private static boolean present(@Nullable String sessionId) {
        return sessionId != null && !sessionId.isBlank();
    }
}
