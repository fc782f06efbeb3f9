package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.keyhole.api.WebAppOrigins;

/**
 * Where Ente's apps and the keyhole CLI send a person whose account requires a passkey after the password
 * ({@code accountsUrl} + {@code /passkeys/verify?passkeySessionID=…}). The ceremony runs entirely in
 * {@code <keyhole-passkey-verify>}, which reads its parameters from the address itself; the view hands it
 * only the web-app origins it may send a sign-in back to.
 */
@Route(value = "passkeys/verify", autoLayout = false)
@AnonymousAllowed
class PasskeyVerifyView extends Main implements HasDynamicTitle {

    @Tag("keyhole-passkey-verify")
    @JsModule("./components/keyhole-passkey-verify.ts")
    static class PasskeyVerifyElement extends Component {}

    PasskeyVerifyView(WebAppOrigins origins) {
        setSizeFull();
        PasskeyVerifyElement element = new PasskeyVerifyElement();
        element.getElement().setAttribute("web-app-origins", String.join(",", origins.webAppOrigins()));
        add(element);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.titlePasskeyVerify");
    }
}
