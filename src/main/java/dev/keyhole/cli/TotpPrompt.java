package dev.keyhole.cli;

import dev.keyhole.cli.client.AccountApi;
import dev.keyhole.cli.client.AccountApi.EmailAuthorization;
import dev.keyhole.cli.client.ServerException;

/**
 * The TOTP second factor at login: asks for a code of the account's authenticator app (or takes
 * KEYHOLE_TOTP) and sends it with the held sign-in's twoFactorSessionID. A wrong code asks again, up to
 * three times at a terminal; a code from the environment is tried once.
 */
final class TotpPrompt {

    private static final int TRIES = 3;

    private final CliContext context;

    private TotpPrompt(CliContext context) {
        this.context = context;
    }

    static TotpPrompt of(CliContext context) {
        return new TotpPrompt(context);
    }

    EmailAuthorization passWith(AccountApi api, String twoFactorSessionId) {
        boolean fromEnvironment = context.terminal().has(Terminal.TOTP);
        for (int attempt = 1; ; attempt++) {
            String code = context.terminal().line("Code from your authenticator app: ", Terminal.TOTP);
            try {
                return api.verifyTotp(twoFactorSessionId, code.replace(" ", ""));
            } catch (ServerException e) {
                if (e.status() == 404) {
                    throw new CliException("The sign-in waited too long for the code. Log in again.");
                }
                if (e.status() != 401) {
                    throw e;
                }
                if (fromEnvironment || attempt == TRIES) {
                    throw new CliException("The authenticator code is not correct.");
                }
                context.err().println("That code is not correct. Try again.");
            }
        }
    }
}
