package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The current session is marked whether the server lists tokens (Ente) or their hashes (Keyhole). */
class SessionsCommandTest {

    private static final String TOKEN = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void aSessionListedByItsTokenIsThisOne() {
        assertThat(SessionsCommand.isThisSession(TOKEN, TOKEN)).isTrue();
    }

    @Test
    void aSessionListedByTheHexSha256OfTheTokenBytesIsThisOne() {
        // SHA-256 of the bytes 0x00..0x1f.
        assertThat(SessionsCommand.isThisSession(
                        "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd", TOKEN))
                .isTrue();
        assertThat(SessionsCommand.isThisSession("0".repeat(64), TOKEN)).isFalse();
    }
}
