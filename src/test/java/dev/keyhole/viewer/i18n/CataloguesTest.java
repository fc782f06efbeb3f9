package dev.keyhole.viewer.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server reads the browser's own catalogues: the same keys, the same texts, the same fallbacks. */
class CataloguesTest {

    private final Catalogues catalogues = new Catalogues();

    @Test
    void textWhenTheLanguageHasTheKeyThenItsText() {
        assertThat(catalogues.text("en", "shell.titleLogin")).isEqualTo("Sign in · Keyhole");
        assertThat(catalogues.text("de", "shell.titleLogin")).isEqualTo("Anmelden · Keyhole");
        assertThat(catalogues.text("nl", "shell.titleLogin")).isEqualTo("Inloggen · Keyhole");
    }

    @Test
    void textWhenALanguageOrKeyIsMissingThenEnglishThenTheKeyItself() {
        assertThat(catalogues.text("fr", "shell.titleLogin")).isEqualTo("Sign in · Keyhole");
        assertThat(catalogues.text("de", "shell.noSuchKey")).isEqualTo("shell.noSuchKey");
    }

    @Test
    void textFillsPlaceholdersAndLeavesUnknownOnesVisible() {
        assertThat(catalogues.text("de", "common.passwordTooShort", Map.of("count", "8")))
                .isEqualTo("Wählen Sie ein Passwort mit mindestens 8 Zeichen.");
        assertThat(catalogues.text("en", "common.passwordTooShort")).contains("{count}");
    }

    @Test
    void everyLanguageHasEveryEnglishTitle() {
        for (String language : Catalogues.LANGUAGES) {
            assertThat(catalogues.all(language).keySet())
                    .as(language)
                    .containsAll(catalogues.all("en").keySet());
        }
    }
}
