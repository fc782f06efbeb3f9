package dev.keyhole.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.cli.client.KeyAttributes;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keys made for a new account unlock again with the password, and an Ente account's keys unlock here. */
class AccountKeysTest {

    private static final byte[] PASSWORD = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSharedEnteAccountUnlocksToItsMasterKey() {
        JsonNode vector = Vectors.json("ente-account-fast.json");
        KeyAttributes attributes =
                JsonMapper.builder().build().treeToValue(vector.path("keyAttributes"), KeyAttributes.class);

        byte[] kek = AccountKeys.kek(attributes, PASSWORD);

        assertThat(b64(kek))
                .isEqualTo(vector.path("secretsForTestsOnly").path("kekB64").asString());
        assertThat(b64(AccountKeys.masterKey(attributes, kek)))
                .isEqualTo(
                        vector.path("secretsForTestsOnly").path("masterKeyB64").asString());
    }

    @Test
    void aNewAccountsKeysUnlockWithItsPasswordAndOpenATokenSealedToIt() {
        NewAccountKeys keys = NewAccountKeys.generate(Kdf.withParameters(PASSWORD, 2, 64L << 20));
        KeyAttributes attributes = keys.attributes();
        byte[] token = Sodium.randomBytes(32);
        String sealed = b64(Sodium.sealedBoxSeal(token, Base64.getDecoder().decode(attributes.publicKey())));

        byte[] masterKey = AccountKeys.masterKey(attributes, AccountKeys.kek(attributes, PASSWORD));

        assertThat(masterKey).isEqualTo(keys.masterKey());
        assertThat(AccountKeys.openToken(attributes, masterKey, sealed))
                .isEqualTo(Base64.getUrlEncoder().encodeToString(token));
        assertThat(Sodium.secretboxOpen(
                        Base64.getDecoder().decode(attributes.masterKeyEncryptedWithRecoveryKey()),
                        Base64.getDecoder().decode(attributes.masterKeyDecryptionNonce()),
                        keys.recoveryKey()))
                .isEqualTo(keys.masterKey());
    }

    @Test
    void aWrongPasswordIsReportedAsSuch() {
        NewAccountKeys keys = NewAccountKeys.generate(Kdf.withParameters(PASSWORD, 2, 64L << 20));
        byte[] wrongKek = AccountKeys.kek(keys.attributes(), "wrong".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AccountKeys.masterKey(keys.attributes(), wrongKek))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessage("Wrong password.");
    }

    @Test
    void newAccountsUseEntesSensitiveParameters() {
        NewAccountKeys keys = NewAccountKeys.generate(PASSWORD);

        assertThat(keys.attributes().memLimit() * keys.attributes().opsLimit()).isEqualTo(4L << 30);
        assertThat(keys.attributes().memLimit()).isGreaterThanOrEqualTo(128L << 20);
        assertThat(Base64.getDecoder().decode(keys.attributes().kekSalt())).hasSize(16);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
