package dev.keyhole.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** scrypt through the bundled libsodium agrees with RFC 7914 and refuses parameters that would exhaust memory. */
class ScryptTest {

    @Test
    void derivesTheRfc7914TestVector() {
        byte[] key = Scrypt.derive(bytes("password"), bytes("NaCl"), 1024, 8, 16, 64);

        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e773"
                        + "76634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    }

    @Test
    void refusesACostThatIsNotAPowerOfTwoOrWouldNeedGigabytes() {
        assertThatThrownBy(() -> Scrypt.derive(bytes("p"), bytes("s"), 1000, 8, 1, 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scrypt.derive(bytes("p"), bytes("s"), 1L << 21, 8, 1, 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
