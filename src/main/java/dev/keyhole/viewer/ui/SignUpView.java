package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.keyhole.KeyholeProperties;

/**
 * Sign-up. Everything happens in {@code <keyhole-signup>}: the keys are made in the browser and go to the
 * sync API as an Ente client sends them; this view only says whether the server takes new accounts and,
 * once the element reports success (a web session is open), shows the codes.
 */
@Route(value = "signup", autoLayout = false)
@AnonymousAllowed
class SignUpView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    @Tag("keyhole-signup")
    @JsModule("./components/keyhole-signup.ts")
    @NpmPackage(value = "libsodium-wrappers-sumo", version = "0.8.4")
    static class SignUpElement extends Component {}

    private final transient AuthenticationContext authentication;

    SignUpView(AuthenticationContext authentication, KeyholeProperties properties) {
        this.authentication = authentication;
        setSizeFull();
        SignUpElement signUp = new SignUpElement();
        signUp.getElement()
                .setProperty("registrationOpen", properties.registration().enabled());
        signUp.getElement()
                .addEventListener("keyhole-signed-in", event -> getUI().ifPresent(ui -> ui.navigate(CodesView.class)));
        add(signUp);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // While the recovery words are shown the session is already open: only a fresh visit is forwarded.
        if (authentication.isAuthenticated()) {
            event.forwardTo(CodesView.class);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.titleSignUp");
    }
}
