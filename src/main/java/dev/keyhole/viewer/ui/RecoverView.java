package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Forgot password. {@code <keyhole-recover>} signs in with an emailed code, opens the keys with the 24
 * recovery words and sets a new password, all in the browser; this view shows the codes afterwards.
 */
@Route(value = "recover", autoLayout = false)
@AnonymousAllowed
class RecoverView extends Main implements HasDynamicTitle {

    @Tag("keyhole-recover")
    @JsModule("./components/keyhole-recover.ts")
    @NpmPackage(value = "libsodium-wrappers-sumo", version = "0.8.4")
    static class RecoverElement extends Component {}

    RecoverView() {
        setSizeFull();
        RecoverElement recover = new RecoverElement();
        recover.getElement()
                .addEventListener("keyhole-signed-in", event -> getUI().ifPresent(ui -> ui.navigate(CodesView.class)));
        add(recover);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.titleRecover");
    }
}
