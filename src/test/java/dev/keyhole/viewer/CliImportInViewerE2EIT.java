package dev.keyhole.viewer;

import dev.keyhole.cli.CliSeeding;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's promise, end to end: a person creates an account and imports an authenticator export with two
 * commands, then signs in from a browser and reads exactly those codes.
 */
class CliImportInViewerE2EIT extends ViewerBrowserCase {

    @TempDir
    Path cliConfig;

    @Test
    void codesImportedWithTheCliAppearInTheBrowserViewer() {
        CliSeeding.SeededAccount seeded =
                CliSeeding.accountWithImportedSample(baseUrl(), "cli-import@example.test", cliConfig);

        CodesPage codes =
                LoginPage.open(browser, waitUp(), baseUrl() + "/codes").signIn(seeded.email(), seeded.password());

        List<OtpCode> expected = seeded.codes().stream()
                .sorted(Comparator.comparing(OtpCode::issuer).thenComparing(OtpCode::account))
                .toList();
        CodesAssert.everyCardMatches(
                () -> codes.cards().stream()
                        .sorted(Comparator.comparing(CodesPage.Card::issuer).thenComparing(CodesPage.Card::account))
                        .toList(),
                expected,
                Instant::now);
    }
}
