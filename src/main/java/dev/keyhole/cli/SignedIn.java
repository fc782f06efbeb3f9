package dev.keyhole.cli;

import dev.keyhole.cli.client.AuthenticatorApi;
import dev.keyhole.cli.client.Server;
import dev.keyhole.cli.config.CliConfig;
import dev.keyhole.cli.keys.AccountKeys;
import dev.keyhole.cli.keys.Passwords;
import dev.keyhole.cli.sync.Vault;
import java.util.Arrays;
import java.util.List;

/** The account a command works on: the server from {@code --server} or the config, and its saved session. */
record SignedIn(Server server, CliConfig.Account account) {

    /** The server's URL as the config keys it. */
    static String serverUrl(CliContext context, ServerOption option) {
        String url =
                option.url != null ? option.url : context.configStore().load().server();
        if (url == null) {
            throw new CliException("No server given; use --server URL.");
        }
        return Server.normalise(url).toString();
    }

    static SignedIn require(CliContext context, ServerOption option) {
        String url = serverUrl(context, option);
        CliConfig.Account account = context.configStore()
                .load()
                .account(url)
                .orElseThrow(
                        () -> new CliException("Not logged in to " + url + "; run: keyhole login --server " + url));
        return new SignedIn(Server.at(url), account);
    }

    /** Asks for the password and unlocks the master key locally, from the saved key attributes. */
    byte[] unlockMasterKey(CliContext context) {
        byte[] password =
                Passwords.take(context.terminal().secret("Password for " + account.email() + ": ", Terminal.PASSWORD));
        try {
            return AccountKeys.masterKey(account.keyAttributes(), AccountKeys.kek(account.keyAttributes(), password));
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** Unlocks, then opens the account's codes on the server, creating its authenticator key if it has none. */
    Vault openVault(CliContext context) {
        byte[] masterKey = unlockMasterKey(context);
        try {
            return Vault.openOrCreate(new AuthenticatorApi(server, account.token()), masterKey);
        } finally {
            Arrays.fill(masterKey, (byte) 0);
        }
    }

    /** The account's codes, read without writing anything: none when it has no authenticator key yet. */
    Vault.Contents readCodes(CliContext context) {
        byte[] masterKey = unlockMasterKey(context);
        try {
            return Vault.find(new AuthenticatorApi(server, account.token()), masterKey)
                    .map(Vault::contents)
                    .orElse(new Vault.Contents(List.of(), List.of()));
        } finally {
            Arrays.fill(masterKey, (byte) 0);
        }
    }
}
