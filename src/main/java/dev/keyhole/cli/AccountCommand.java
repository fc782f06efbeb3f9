package dev.keyhole.cli;

import dev.keyhole.cli.client.AccountApi;
import dev.keyhole.cli.client.Server;
import dev.keyhole.cli.config.CliConfig;
import dev.keyhole.cli.keys.NewAccountKeys;
import dev.keyhole.cli.keys.Passwords;
import dev.keyhole.cli.keys.RecoveryWords;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "account",
        description = "Manage your Keyhole account.",
        subcommands = {AccountCommand.Create.class, RecoverCommand.class})
final class AccountCommand {

    /** Password length for new accounts; Ente's apps ask for more than a PIN too. */
    static final int MIN_PASSWORD = 8;

    @Command(
            name = "create",
            description = {
                "Create an account, and log in.",
                "An emailed code (or KEYHOLE_OTT) confirms the email; the password (or KEYHOLE_PASSWORD) protects "
                        + "keys made on this computer. The recovery key is printed once: write it down."
            })
    static final class Create implements Callable<Integer> {

        private final CliContext context;

        @Mixin
        ServerOption server = new ServerOption();

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Your email address.")
        String email = "";

        Create(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String url = SignedIn.serverUrl(context, server);
            AccountApi api = new AccountApi(Server.at(url));
            byte[] password = Passwords.take(
                    context.terminal().newSecret("Choose a password: ", Terminal.PASSWORD, MIN_PASSWORD));
            try {
                api.sendOtt(email, "signup");
                String ott = EmailedCode.ask(context, email);
                AccountApi.EmailAuthorization verified = api.verifyEmail(email, ott);
                if (verified.token() == null || verified.keyAttributes() != null) {
                    throw new CliException("An account for " + email + " already exists on " + url
                            + "; run: keyhole login --server " + url + " --email " + email);
                }
                NewAccountKeys keys = NewAccountKeys.generate(password);
                api.putKeyAttributes(verified.token(), keys.attributes());
                SrpSetup.run(api, verified.token(), keys.kek());
                context.configStore()
                        .save(context.configStore()
                                .load()
                                .withAccount(
                                        url,
                                        new CliConfig.Account(
                                                email, verified.id(), verified.token(), keys.attributes())));
                report(url, keys);
                return 0;
            } finally {
                Arrays.fill(password, (byte) 0);
            }
        }

        /** The recovery key is the one secret ever printed, once, on purpose: it is the way back in. */
        private void report(String url, NewAccountKeys keys) {
            context.out().println("Account created for " + email + " on " + url + ", and logged in.");
            // The 24 words Ente's apps show and read, so the same key recovers the account in any of them.
            context.out().println("Recovery key (24 words; write them down and keep them safe, shown only this once):");
            context.out().println("  " + RecoveryWords.encode(keys.recoveryKey()));
            Arrays.fill(keys.recoveryKey(), (byte) 0);
            Arrays.fill(keys.masterKey(), (byte) 0);
            Arrays.fill(keys.kek(), (byte) 0);
        }
    }
}
