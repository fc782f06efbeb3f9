package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.testing.browser.RequestLog;
import dev.keyhole.viewer.pages.CodesPage;
import dev.keyhole.viewer.pages.LoginPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Brand icons on the code cards come from the bundled set, and nothing the viewer does (sign-in, the
 * dashboard, loading that set) sends a request anywhere but to this server: which services a person uses
 * is as private as their codes. The tests look at one recorded sign-in, which none of them changes (the
 * theme test turns the theme back, and the test of the recording itself uses a browser of its own).
 */
class IconsAndOriginE2EIT extends ViewerBrowserCase {

    private static final String SECRET = "JBSWY3DPEHPK3PXP";
    private static final String ICON_CHUNK = "keyhole-brand-icons";
    /** What a card's icon shows: the bundled icon's slug ("" for a monogram), its text, its path's length. */
    private static final String READ_ICON = """
            const root = document.querySelector('keyhole-codes')?.shadowRoot;
            const card = [...(root?.querySelectorAll('[data-testid=code-card]') ?? [])]
                .find(card => card.dataset.issuer === arguments[0] && card.checkVisibility());
            const icon = card?.querySelector('[data-testid=code-icon]');
            if (!icon) return null;
            return {slug: icon.dataset.icon ?? '', text: icon.textContent.trim(), ariaHidden: icon.getAttribute('aria-hidden'),
                path: String(icon.querySelector('svg path')?.getAttribute('d')?.length ?? 0),
                img: String(icon.querySelectorAll('img, image, use').length)};
            """;

    private RequestLog requests;
    private CodesPage codes;

    @BeforeAll
    void signInWhileRecordingEveryRequest() {
        TestAccount account = TestAccount.signUp(port, "icons");
        account.add("otpauth://totp/GitHub:alice?secret=" + SECRET + "&issuer=GitHub");
        account.add("otpauth://totp/Keyhole%20Test%20Bank:bob?secret=" + SECRET + "&issuer=Keyhole%20Test%20Bank");
        // Ente stores the icon a person picked on the phone in codeDisplay; it wins over the issuer.
        account.add("otpauth://totp/Work%20mail:carol?secret=" + SECRET + "&issuer=Work%20mail&codeDisplay="
                + URLEncoder.encode("{\"iconSrc\":\"simpleIcon\",\"iconID\":\"protonmail\"}", StandardCharsets.UTF_8));
        // Chromium's own new-tab page may still be loading (chrome://new-tab-page/...); leave it first, or
        // the log would record its requests too.
        browser.get("about:blank");
        requests = RequestLog.start(browser);
        codes = LoginPage.open(browser, waitUp(), baseUrl() + "/codes").signIn(account.email, TestAccount.PASSWORD);
    }

    @AfterAll
    void stopRecording() {
        if (requests != null) {
            requests.close();
        }
    }

    @Test
    void aKnownIssuerShowsItsBrandIconDrawnInlineAndAnUnknownOneItsMonogram() {
        waitUp().until(driver -> "github".equals(icon("GitHub").get("slug")));

        assertThat(icon("GitHub")).containsEntry("ariaHidden", "true").containsEntry("img", "0");
        assertThat(Integer.parseInt(icon("GitHub").get("path"))).isGreaterThan(100);
        assertThat(icon("Keyhole Test Bank"))
                .containsEntry("slug", "")
                .containsEntry("text", "K")
                .containsEntry("path", "0")
                .containsEntry("ariaHidden", "true");
        assertThat(icon("Work mail")).containsEntry("slug", "protonmail");
    }

    @Test
    void theIconSetIsFetchedOnlyAfterTheFirstCodesWerePainted() {
        waitUp().until(driver -> "github".equals(icon("GitHub").get("slug")));
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) codes.script("""
                const chunk = performance.getEntriesByType('resource').find(entry => entry.name.includes(arguments[0]));
                return {firstCode: performance.getEntriesByName('keyhole:first-code')[0]?.startTime ?? -1,
                    chunkStart: chunk?.startTime ?? -1, transferred: chunk?.encodedBodySize ?? -1,
                    decoded: chunk?.decodedBodySize ?? -1,
                    loadMillis: performance.getEntriesByName('keyhole:icon-set')[0]?.duration ?? -1};""", ICON_CHUNK);

        double firstCode = ((Number) timing.get("firstCode")).doubleValue();
        assertThat(firstCode).as("the dashboard marks its first painted code").isPositive();
        assertThat(((Number) timing.get("chunkStart")).doubleValue()).isGreaterThan(firstCode);
        System.out.printf(
                "brand icon chunk: %s bytes transferred, %s bytes decoded, fetched and indexed in %s ms%n",
                timing.get("transferred"), timing.get("decoded"), timing.get("loadMillis"));
    }

    @Test
    void noRequestLeavesTheOriginDuringSignInTheDashboardAndIconLoading() {
        waitUp().until(driver -> "github".equals(icon("GitHub").get("slug")));
        List<RequestLog.Request> seen = requests.requests();

        // The log saw the whole story, including the key-derivation worker's own requests.
        assertThat(seen)
                .extracting(RequestLog.Request::url)
                .anyMatch(url -> url.endsWith("/codes"))
                .anyMatch(url -> url.contains("/srp/"))
                .anyMatch(url -> url.contains(ICON_CHUNK));
        assertThat(seen).extracting(RequestLog.Request::target).contains("page", "worker");
        assertThat(seen)
                .allSatisfy(request -> assertThat(request.url())
                        .satisfiesAnyOf(
                                url -> assertThat(url).startsWith(baseUrl() + "/"),
                                url -> assertThat(url).startsWith("data:"),
                                url -> assertThat(url).startsWith("blob:" + baseUrl() + "/")));
    }

    @Test
    void theRecordingWouldShowARequestToAnotherOriginEvenOneTheCspBlocks() {
        // A browser of its own: the other origin must not land in the log the other tests read.
        ChromeDriver other = freshBrowser();
        try (RequestLog log = RequestLog.start(other)) {
            other.get(baseUrl() + "/login");
            String elsewhere = "http://127.0.0.1:" + port + "/elsewhere.png";
            other.executeScript("const img = new Image(); img.src = arguments[0];", elsewhere);

            new WebDriverWait(other, WAIT)
                    .until(driver -> log.requests().stream()
                            .anyMatch(request -> request.url().equals(elsewhere)));
        } finally {
            other.quit();
        }
    }

    @Test
    void aNearBlackBrandIconStaysLegibleOnTheDarkTheme() {
        waitUp().until(driver -> "github".equals(icon("GitHub").get("slug")));
        assertThat(iconColour("GitHub")).as("light theme: GitHub's own #181717").isEqualTo("rgb(24, 23, 23)");
        codes.clickTestId("theme-toggle");
        try {
            waitUp().until(driver ->
                    "dark".equals(codes.script("return document.documentElement.getAttribute('theme')")));

            double contrast = ((Number) codes.script("""
                    const root = document.querySelector('keyhole-codes').shadowRoot;
                    const card = [...root.querySelectorAll('[data-testid=code-card]')].find(card => card.dataset.issuer === 'GitHub');
                    const rgba = colour => (colour.match(/[\\d.]+/g) ?? []).map(Number);
                    const [r, g, b, a = 1] = rgba(getComputedStyle(card).backgroundColor);
                    const base = rgba(getComputedStyle(root.host).backgroundColor);
                    const background = [r, g, b].map((channel, i) => channel * a + base[i] * (1 - a));
                    const icon = rgba(getComputedStyle(card.querySelector('[data-testid=code-icon]')).color);
                    const luminance = ([r, g, b]) => [r, g, b].map(c => c / 255)
                        .map(c => c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
                        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
                    const [light, dark] = [luminance(icon), luminance(background)].sort((x, y) => y - x);
                    return (light + 0.05) / (dark + 0.05);""")).doubleValue();

            assertThat(contrast)
                    .as("contrast of GitHub's icon on the dark card")
                    .isGreaterThanOrEqualTo(3);
        } finally {
            codes.clickTestId("theme-toggle");
            codes.script("localStorage.removeItem('keyhole.theme')");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> icon(String issuer) {
        Object icon = codes.script(READ_ICON, issuer);
        return icon == null ? Map.of() : (Map<String, String>) icon;
    }

    private String iconColour(String issuer) {
        return (String) codes.script("""
                const root = document.querySelector('keyhole-codes').shadowRoot;
                const card = [...root.querySelectorAll('[data-testid=code-card]')].find(card => card.dataset.issuer === arguments[0]);
                return getComputedStyle(card.querySelector('[data-testid=code-icon]')).color;""", issuer);
    }
}
