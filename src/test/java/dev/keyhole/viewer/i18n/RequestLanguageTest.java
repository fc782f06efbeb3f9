package dev.keyhole.viewer.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLanguageTest {

    @Test
    void ofWhenTheCookieHoldsAChoiceThenTheChoiceWinsOverTheBrowser() {
        assertThat(RequestLanguage.of("nl", "de-DE,de;q=0.9")).isEqualTo("nl");
    }

    @Test
    void ofWhenNoChoiceThenTheFirstSpokenBrowserLanguageByWeight() {
        assertThat(RequestLanguage.of(null, "fr-FR,fr;q=0.9,nl-BE;q=0.8,de;q=0.7"))
                .isEqualTo("nl");
        assertThat(RequestLanguage.of(null, "en;q=0.5,de-AT;q=0.9")).isEqualTo("de");
        assertThat(RequestLanguage.of(null, "DE-ch")).isEqualTo("de");
    }

    @Test
    void ofWhenNothingFitsThenEnglish() {
        assertThat(RequestLanguage.of("fr", "fr-FR,es")).isEqualTo("en");
        assertThat(RequestLanguage.of(null, null)).isEqualTo("en");
        assertThat(RequestLanguage.of(null, ";;=q")).isEqualTo("en");
        assertThat(RequestLanguage.of(null, "de;q=0")).isEqualTo("en");
    }
}
