package dev.keyhole.cli;

import dev.keyhole.cli.client.AccountApi;
import dev.keyhole.cli.client.KeyAttributes;
import dev.keyhole.cli.client.Server;
import dev.keyhole.cli.config.CliConfig;
import dev.keyhole.cli.keys.AccountKeys;
import dev.keyhole.cli.keys.DerivedKey;
import dev.keyhole.cli.keys.Kdf;
import dev.keyhole.cli.keys.Passwords;
import dev.keyhole.cli.keys.RecoveryWords;
import dev.keyhole.crypto.Boxed;
import dev.keyhole.crypto.CryptoException;
import dev.keyhole.crypto.Sodium;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Account recovery as Ente's apps do it: an emailed-code sign-in, the master key opened with the recovery
 * key on this computer, then a new password (srp/setup + srp/update). Codes and the recovery key stay valid.
 */
@Command(
        name = "recover",
        description = {
            "Recover an account with its recovery key: choose a new password, and log in.",
            "An emailed code (or KEYHOLE_OTT) signs in; the recovery key, 24 words (or KEYHOLE_RECOVERY_KEY), "
                    + "opens the keys on this computer; the new password (or KEYHOLE_PASSWORD) replaces the old "
                    + "one, and every other device is logged out."
        })
final class RecoverCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    ServerOption server = new ServerOption();

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The account's email address.")
    String email = "";

    RecoverCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String url = SignedIn.serverUrl(context, server);
        AccountApi api = new AccountApi(Server.at(url));
        api.sendOtt(email, "login");
        String ott = EmailedCode.ask(context, email);
        AccountApi.EmailAuthorization verified = api.verifyEmail(email, ott);
        // Ente's answer carries both ids, empty when no second factor is pending.
        if (verified.encryptedToken() == null
                && (present(verified.passkeySessionID()) || present(verified.twoFactorSessionID()))) {
            throw new CliException("This account asks for a second factor after the emailed code; recover it in "
                    + "Ente's app or the web viewer.");
        }
        KeyAttributes attributes = verified.keyAttributes();
        if (attributes == null || verified.encryptedToken() == null) {
            throw new CliException("No account with keys for " + email + " on " + url + ".");
        }
        byte[] masterKey = masterKey(attributes, readRecoveryKey());
        String token = AccountKeys.openToken(attributes, masterKey, verified.encryptedToken());
        byte[] password = Passwords.take(context.terminal()
                .newSecret("Choose a new password: ", Terminal.PASSWORD, AccountCommand.MIN_PASSWORD));
        try {
            DerivedKey kek = Kdf.sensitive(password);
            Boxed wrapped = Sodium.secretbox(masterKey, kek.key());
            AccountApi.UpdatedKek updated = new AccountApi.UpdatedKek(
                    b64(kek.salt()), b64(wrapped.ciphertext()), b64(wrapped.nonce()), kek.memLimit(), kek.opsLimit());
            SrpSetup.update(api, token, kek.key(), updated);
            context.configStore()
                    .save(context.configStore()
                            .load()
                            .withAccount(
                                    url,
                                    new CliConfig.Account(email, verified.id(), token, withNew(attributes, updated))));
            Arrays.fill(kek.key(), (byte) 0);
        } finally {
            Arrays.fill(password, (byte) 0);
            Arrays.fill(masterKey, (byte) 0);
        }
        context.out()
                .println("New password set for " + email + " on " + url + ", and logged in. "
                        + "Every other device was logged out.");
        return 0;
    }

    private byte[] readRecoveryKey() {
        char[] typed = context.terminal().secret("Recovery key (24 words): ", Terminal.RECOVERY_KEY);
        try {
            return RecoveryWords.decode(new String(typed));
        } catch (IllegalArgumentException e) {
            throw new CliException("That is not a recovery key: " + e.getMessage() + ".");
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    private static byte[] masterKey(KeyAttributes attributes, byte[] recoveryKey) {
        String wrapped = attributes.masterKeyEncryptedWithRecoveryKey();
        String nonce = attributes.masterKeyDecryptionNonce();
        if (wrapped == null || wrapped.isEmpty() || nonce == null || nonce.isEmpty()) {
            throw new CliException("This account has no recovery key.");
        }
        try {
            return Sodium.secretboxOpen(
                    Base64.getDecoder().decode(wrapped), Base64.getDecoder().decode(nonce), recoveryKey);
        } catch (CryptoException e) {
            throw new CliException("That recovery key does not open this account.");
        } finally {
            Arrays.fill(recoveryKey, (byte) 0);
        }
    }

    private static KeyAttributes withNew(KeyAttributes old, AccountApi.UpdatedKek kek) {
        return new KeyAttributes(
                kek.kekSalt(),
                kek.encryptedKey(),
                kek.keyDecryptionNonce(),
                old.publicKey(),
                old.encryptedSecretKey(),
                old.secretKeyDecryptionNonce(),
                kek.memLimit(),
                kek.opsLimit(),
                old.masterKeyEncryptedWithRecoveryKey(),
                old.masterKeyDecryptionNonce(),
                old.recoveryKeyEncryptedWithMasterKey(),
                old.recoveryKeyDecryptionNonce());
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isEmpty();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
