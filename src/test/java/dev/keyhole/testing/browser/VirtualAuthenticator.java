package dev.keyhole.testing.browser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A virtual WebAuthn authenticator in the current tab of a Chromium, through the DevTools WebAuthn domain
 * (Selenium's own virtual authenticator options have no PRF switch). Like a phone's platform
 * authenticator: CTAP2.1, internal transport, discoverable credentials, user verification that always
 * succeeds, and PRF when asked for. Chromium keeps one virtual environment per tab: a new window needs
 * its own authenticator.
 */
public final class VirtualAuthenticator {

    /** One stored credential as the DevTools protocol describes it (binary fields in standard base64). */
    public record Credential(Map<String, Object> fields) {

        public String id() {
            return (String) fields.get("credentialId");
        }

        public long signCount() {
            return ((Number) fields.get("signCount")).longValue();
        }
    }

    private final ChromeDriver browser;
    private final String id;

    private VirtualAuthenticator(ChromeDriver browser, String id) {
        this.browser = browser;
        this.id = id;
    }

    /** An authenticator that evaluates PRF (WebAuthn's pseudo-random function extension). */
    public static VirtualAuthenticator withPrf(ChromeDriver browser) {
        return add(browser, true);
    }

    /** An authenticator without PRF: its passkeys sign in but cannot unwrap a key. */
    public static VirtualAuthenticator withoutPrf(ChromeDriver browser) {
        return add(browser, false);
    }

    private static VirtualAuthenticator add(ChromeDriver browser, boolean prf) {
        // enableUI false: no account chooser, the authenticator answers at once as a person would.
        browser.executeCdpCommand("WebAuthn.enable", Map.of("enableUI", false));
        Map<String, Object> options = new HashMap<>();
        options.put("protocol", "ctap2");
        options.put("ctap2Version", "ctap2_1");
        options.put("transport", "internal");
        options.put("hasResidentKey", true);
        options.put("hasUserVerification", true);
        options.put("isUserVerified", true);
        options.put("automaticPresenceSimulation", true);
        options.put("hasPrf", prf);
        Map<String, Object> added =
                browser.executeCdpCommand("WebAuthn.addVirtualAuthenticator", Map.of("options", options));
        return new VirtualAuthenticator(browser, (String) added.get("authenticatorId"));
    }

    public String id() {
        return id;
    }

    @SuppressWarnings("unchecked")
    public List<Credential> credentials() {
        Map<String, Object> result =
                browser.executeCdpCommand("WebAuthn.getCredentials", Map.of("authenticatorId", id));
        return ((List<Map<String, Object>>) result.get("credentials"))
                .stream().map(Credential::new).toList();
    }

    /** Puts a copy of a credential (key, id, user, counter as given) into this authenticator. */
    public void add(Credential credential) {
        browser.executeCdpCommand(
                "WebAuthn.addCredential", Map.of("authenticatorId", id, "credential", credential.fields()));
    }

    public void clear() {
        browser.executeCdpCommand("WebAuthn.clearCredentials", Map.of("authenticatorId", id));
    }

    /** The authenticator is unplugged: requests wait for one that never comes (until their timeout). */
    public void remove() {
        browser.executeCdpCommand("WebAuthn.removeVirtualAuthenticator", Map.of("authenticatorId", id));
    }

    /** Hides passkey autofill (conditional mediation), as in a browser that lacks it: only the buttons remain. */
    public static void withoutPasskeyAutofill(ChromeDriver browser) {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                if (window.PublicKeyCredential) PublicKeyCredential.isConditionalMediationAvailable = async () => false;
                """));
    }
}
