package dev.keyhole.cli;

import dev.keyhole.cli.client.AccountApi;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpClient;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Registers the SRP verifier of a new account (or of a new password), then proves it with one SRP exchange as Ente's clients do, so that
 * later logins never send the password or anything derived from it that could be replayed.
 */
final class SrpSetup {

    private SrpSetup() {}

    static void run(AccountApi api, String token, byte[] kek) {
        prove(api, token, kek, (setupID, m1) -> api.completeSrp(token, setupID, m1));
    }

    /** A new password on an account that has one: the verifier for the new KEK, and the KEK part with it. */
    static void update(AccountApi api, String token, byte[] kek, AccountApi.UpdatedKek updated) {
        prove(api, token, kek, (setupID, m1) -> api.updateSrp(token, setupID, m1, updated));
    }

    private static void prove(AccountApi api, String token, byte[] kek, BiFunction<String, String, String> finish) {
        byte[] loginKey = Sodium.loginKey(kek);
        String srpUserID = UUID.randomUUID().toString();
        byte[] salt = Sodium.randomBytes(16);
        SrpClient client = new SrpClient(salt, srpUserID, loginKey);
        AccountApi.SrpSetupAnswer answer = api.setupSrp(
                token,
                new AccountApi.SrpSetup(
                        srpUserID,
                        b64(salt),
                        b64(SrpClient.computeVerifier(salt, srpUserID, loginKey)),
                        b64(client.publicA())));
        byte[] m1 = client.computeM1(Base64.getDecoder().decode(answer.srpB()));
        String m2 = finish.apply(answer.setupID(), b64(m1));
        if (!client.verifyM2(Base64.getDecoder().decode(m2))) {
            throw new CliException(
                    "The server's SRP proof is wrong; the account may be half set up. Try keyhole login.");
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
