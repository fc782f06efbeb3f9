package dev.keyhole.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Checked against the published vectors: FIPS 180-2's "abc" and RFC 4231's test case 2. */
class Sha256Test {

    @Test
    void digestsAsFips180Says() {
        assertThat(Sha256.hex(bytes("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.digest(bytes("")))
                .isEqualTo(hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    @Test
    void authenticatesAsRfc4231Says() {
        assertThat(Sha256.hmac(bytes("Jefe"), "what do ya want for nothing?"))
                .isEqualTo(hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    @Test
    void joinsHmacPartsByNulSoThatTheirBoundariesCount() {
        byte[] key = bytes("key");
        assertThat(Sha256.hmac(key, "what do ya", "want")).isEqualTo(Sha256.hmac(key, "what do ya\0want"));
        assertThat(Sha256.hmac(key, "ab", "c")).isNotEqualTo(Sha256.hmac(key, "a", "bc"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
