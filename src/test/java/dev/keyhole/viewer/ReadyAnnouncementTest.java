package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadyAnnouncementTest {

    @Test
    void linesWhenListeningOnThePublicUrlsPortThenReadyThereWithoutWarning() {
        ReadyAnnouncement.Lines lines = ReadyAnnouncement.lines("http://localhost:8080", 8080);

        assertThat(lines.signIn()).isEqualTo("http://localhost:8080/login");
        assertThat(lines.warning()).isNull();
    }

    @Test
    void linesWhenALocalPublicUrlNamesAnotherPortThenReadyOnTheRealPortAndWarnsAboutPasskeys() {
        ReadyAnnouncement.Lines lines = ReadyAnnouncement.lines("http://localhost:8080", 9000);

        assertThat(lines.signIn()).isEqualTo("http://localhost:9000/login");
        assertThat(lines.warning())
                .contains("listens on port 9000", "keyhole.public-url is http://localhost:8080")
                .endsWith("start it with --keyhole.public-url=http://localhost:9000.");
        assertThat(ReadyAnnouncement.lines("http://127.0.0.1", 8080).warning()).isNotNull();
    }

    @Test
    void linesWhenThePublicUrlIsAnotherHostThenAProxyIsAssumedAndNothingIsWarned() {
        ReadyAnnouncement.Lines lines = ReadyAnnouncement.lines("https://keyhole.example.org", 8080);

        assertThat(lines.signIn()).isEqualTo("https://keyhole.example.org/login");
        assertThat(lines.warning()).isNull();
    }
}
