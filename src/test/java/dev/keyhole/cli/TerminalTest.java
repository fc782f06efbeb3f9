package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scripts answer prompts through environment variables; without them or a terminal, the error says which. */
class TerminalTest {

    @Test
    void anEnvironmentVariableAnswersThePrompt() {
        Terminal terminal = new Terminal(Map.of("KEYHOLE_PASSWORD", "s3cret", "KEYHOLE_OTT", " 123456\n"), null);

        assertThat(terminal.secret("Password: ", Terminal.PASSWORD)).containsExactly('s', '3', 'c', 'r', 'e', 't');
        assertThat(terminal.line("Code: ", Terminal.OTT)).isEqualTo("123456");
    }

    @Test
    void withoutVariableOrTerminalTheErrorNamesTheVariable() {
        Terminal terminal = new Terminal(Map.of(), null);

        assertThatThrownBy(() -> terminal.secret("Password: ", Terminal.FILE_PASSWORD))
                .hasMessage("Set KEYHOLE_FILE_PASSWORD or run in a terminal.");
    }

    @Test
    void aNewPasswordShorterThanTheMinimumIsRefused() {
        Terminal terminal = new Terminal(Map.of("KEYHOLE_FILE_PASSWORD", "abc"), null);

        assertThatThrownBy(() -> terminal.newSecret("Password: ", Terminal.FILE_PASSWORD, 4))
                .hasMessage("The password must have at least 4 characters.");
    }
}
