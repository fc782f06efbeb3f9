package dev.keyhole.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.goterl.lazysodium.LazySodiumJava;
import com.goterl.lazysodium.SodiumJava;
import com.goterl.lazysodium.interfaces.SecretStream;
import dev.keyhole.testing.Vectors;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SodiumTest {

    private static final JsonNode VECTORS = Vectors.json("sodium.json");

    @Test
    void argon2idReproducesBothVectorKeys() {
        JsonNode cases = VECTORS.get("argon2id");
        assertThat(cases.size()).isEqualTo(2);
        for (JsonNode vector : cases) {
            byte[] key = Sodium.argon2id(
                    vector.get("password").stringValue().getBytes(UTF_8),
                    b64(vector.get("salt")),
                    vector.get("opsLimit").longValue(),
                    vector.get("memLimit").longValue());
            assertThat(key).isEqualTo(b64(vector.get("keyB64")));
        }
    }

    @Test
    void argon2idRefusesASaltThatIsNotSixteenBytes() {
        assertThatThrownBy(() -> Sodium.argon2id("pw".getBytes(UTF_8), new byte[15], 1, 8192))
                .isInstanceOf(CryptoException.class)
                .hasMessage("argon2id failed");
    }

    @Test
    void argon2idRefusesLimitsBelowLibsodiumsMinimum() {
        byte[] salt = new byte[16];
        assertThatThrownBy(() -> Sodium.argon2id("pw".getBytes(UTF_8), salt, 0, 8192))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Sodium.argon2id("pw".getBytes(UTF_8), salt, 1, 1024))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void kdfDerivesTheVectorSubkeyAndItsFirstSixteenBytesAreTheLoginKey() {
        JsonNode vector = VECTORS.get("kdfLoginKey");
        byte[] kek = b64(vector.get("kekB64"));
        byte[] subkey = Sodium.kdfDerive(
                32,
                vector.get("subkeyId").longValue(),
                vector.get("context").stringValue().getBytes(UTF_8),
                kek);
        assertThat(subkey).isEqualTo(b64(vector.get("subkey32B64")));
        assertThat(Sodium.loginKey(kek)).isEqualTo(b64(vector.get("loginKey16B64")));
    }

    @Test
    void secretboxWithTheVectorNonceReproducesTheCiphertextAndOpensBack() {
        JsonNode vector = VECTORS.get("secretbox");
        byte[] key = b64(vector.get("keyB64"));
        byte[] nonce = b64(vector.get("nonceB64"));
        byte[] plaintext = vector.get("plaintext").stringValue().getBytes(UTF_8);
        byte[] ciphertext = b64(vector.get("ciphertextB64"));

        assertThat(Sodium.secretbox(plaintext, key, nonce).ciphertext()).isEqualTo(ciphertext);
        assertThat(Sodium.secretboxOpen(ciphertext, nonce, key)).isEqualTo(plaintext);
    }

    @Test
    void secretboxUsesAFreshNonceEachTime() {
        byte[] key = Sodium.randomBytes(32);
        Boxed first = Sodium.secretbox("same".getBytes(UTF_8), key);
        Boxed second = Sodium.secretbox("same".getBytes(UTF_8), key);
        assertThat(first.nonce()).hasSize(24).isNotEqualTo(second.nonce());
        assertThat(Sodium.secretboxOpen(second.ciphertext(), second.nonce(), key))
                .isEqualTo("same".getBytes(UTF_8));
    }

    @Test
    void secretboxOpenWithTheWrongKeyThrows() {
        JsonNode vector = VECTORS.get("secretbox");
        assertThatThrownBy(() -> Sodium.secretboxOpen(
                        b64(vector.get("ciphertextB64")), b64(vector.get("nonceB64")), Sodium.randomBytes(32)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("secretbox open failed");
    }

    @Test
    void secretboxOpenOfTamperedCiphertextThrows() {
        JsonNode vector = VECTORS.get("secretbox");
        byte[] ciphertext = b64(vector.get("ciphertextB64"));
        ciphertext[ciphertext.length - 1] ^= 1;
        assertThatThrownBy(
                        () -> Sodium.secretboxOpen(ciphertext, b64(vector.get("nonceB64")), b64(vector.get("keyB64"))))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void secretboxRefusesAShortKeyOrNonceInsteadOfReadingPastThem() {
        byte[] plaintext = "x".getBytes(UTF_8);
        assertThatThrownBy(() -> Sodium.secretbox(plaintext, new byte[31])).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Sodium.secretboxOpen(new byte[40], new byte[23], new byte[32]))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Sodium.secretboxOpen(new byte[15], new byte[24], new byte[32]))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void secretstreamDecryptAcceptsTheFinalTag() {
        assertThat(decryptStreamVector("finalTag")).isEqualTo(streamPlaintext());
    }

    @Test
    void secretstreamDecryptAcceptsTheMessageTag() {
        assertThat(decryptStreamVector("messageTag")).isEqualTo(streamPlaintext());
    }

    @Test
    void secretstreamDecryptRejectsAChunkTaggedPushOrRekey() {
        byte[] key = Sodium.randomBytes(32);
        for (byte tag : new byte[] {SecretStream.TAG_PUSH, SecretStream.TAG_REKEY}) {
            Streamed streamed = pushSingleChunk(streamPlaintext(), key, tag);
            assertThatThrownBy(() -> Sodium.secretstreamDecrypt(streamed.ciphertext(), streamed.header(), key))
                    .isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void secretstreamEncryptThenDecryptRoundTrips() {
        byte[] key = Sodium.randomBytes(32);
        Streamed streamed = Sodium.secretstreamEncrypt(streamPlaintext(), key);
        assertThat(streamed.header()).hasSize(24);
        assertThat(streamed.ciphertext()).hasSize(streamPlaintext().length + 17);
        assertThat(Sodium.secretstreamDecrypt(streamed.ciphertext(), streamed.header(), key))
                .isEqualTo(streamPlaintext());
    }

    @Test
    void secretstreamDecryptWithTheWrongKeyThrows() {
        JsonNode tagged = VECTORS.get("secretstreamSingleChunk").get("finalTag");
        assertThatThrownBy(() -> Sodium.secretstreamDecrypt(
                        b64(tagged.get("ciphertext")), b64(tagged.get("header")), Sodium.randomBytes(32)))
                .isInstanceOf(CryptoException.class)
                .hasMessage("secretstream decrypt failed");
    }

    @Test
    void secretstreamDecryptOfTamperedCiphertextThrows() {
        JsonNode stream = VECTORS.get("secretstreamSingleChunk");
        byte[] ciphertext = b64(stream.get("messageTag").get("ciphertext"));
        ciphertext[3] ^= 1;
        assertThatThrownBy(() -> Sodium.secretstreamDecrypt(
                        ciphertext, b64(stream.get("messageTag").get("header")), b64(stream.get("keyB64"))))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void sealedBoxOpensToTheVectorTokenWhichReencodesAsUrlSafeBase64WithPadding() {
        JsonNode vector = VECTORS.get("sealedBox");
        byte[] token = Sodium.sealedBoxOpen(
                b64(vector.get("ciphertextB64")), b64(vector.get("publicKeyB64")), b64(vector.get("privateKeyB64")));
        assertThat(token).isEqualTo(b64(vector.get("plaintextB64")));
        assertThat(Base64.getUrlEncoder().encodeToString(token))
                .isEqualTo(vector.get("plaintextUrlSafeB64").stringValue());
    }

    @Test
    void sealedBoxSealThenOpenRoundTrips() {
        BoxKeyPair pair = Sodium.boxKeyPair();
        byte[] token = Sodium.randomBytes(32);
        byte[] sealed = Sodium.sealedBoxSeal(token, pair.publicKey());
        assertThat(sealed).hasSize(32 + 48);
        assertThat(Sodium.sealedBoxOpen(sealed, pair.publicKey(), pair.secretKey()))
                .isEqualTo(token);
    }

    @Test
    void sealedBoxOpenWithAnotherKeyPairThrows() {
        JsonNode vector = VECTORS.get("sealedBox");
        BoxKeyPair stranger = Sodium.boxKeyPair();
        assertThatThrownBy(() -> Sodium.sealedBoxOpen(
                        b64(vector.get("ciphertextB64")), stranger.publicKey(), stranger.secretKey()))
                .isInstanceOf(CryptoException.class)
                .hasMessage("sealed box open failed");
    }

    @Test
    void randomBytesHaveTheRequestedLengthAndDiffer() {
        assertThat(Sodium.randomBytes(32)).hasSize(32).isNotEqualTo(Sodium.randomBytes(32));
        assertThat(Sodium.randomBytes(0)).isEmpty();
    }

    // Written with lazysodium directly: Sodium itself only ever writes the FINAL tag.
    private static Streamed pushSingleChunk(byte[] plaintext, byte[] key, byte tag) {
        LazySodiumJava lazy = new LazySodiumJava(new SodiumJava());
        SecretStream.State state = new SecretStream.State();
        byte[] header = new byte[SecretStream.HEADERBYTES];
        byte[] ciphertext = new byte[plaintext.length + SecretStream.ABYTES];
        assertThat(lazy.cryptoSecretStreamInitPush(state, header, key)).isTrue();
        assertThat(lazy.cryptoSecretStreamPush(state, ciphertext, plaintext, plaintext.length, tag))
                .isTrue();
        return new Streamed(ciphertext, header);
    }

    private static byte[] decryptStreamVector(String tag) {
        JsonNode stream = VECTORS.get("secretstreamSingleChunk");
        JsonNode tagged = stream.get(tag);
        return Sodium.secretstreamDecrypt(
                b64(tagged.get("ciphertext")), b64(tagged.get("header")), b64(stream.get("keyB64")));
    }

    private static byte[] streamPlaintext() {
        return VECTORS.get("secretstreamSingleChunk")
                .get("plaintext")
                .stringValue()
                .getBytes(UTF_8);
    }

    private static byte[] b64(JsonNode node) {
        return Base64.getDecoder().decode(node.stringValue());
    }
}
