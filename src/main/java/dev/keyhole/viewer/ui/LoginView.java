package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.keyhole.KeyholeProperties;

/**
 * Sign-in. Everything happens in {@code <keyhole-login>} in the browser (the password never reaches this
 * server); this view only shows the element and, once it reports success, navigates to the view that
 * sent the browser here.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AuthenticationContext authentication;

    LoginView(AuthenticationContext authentication, KeyholeProperties properties) {
        this.authentication = authentication;
        setSizeFull();
        LoginElement login = new LoginElement();
        login.getElement()
                .setProperty("registrationOpen", properties.registration().enabled());
        login.addSignedInListener(event -> navigateTo(event.next()));
        add(login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo(CodesView.class);
        }
    }

    /** Only a path of this application (as the server itself named it) is followed. */
    private void navigateTo(String next) {
        if (!next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            getUI().ifPresent(ui -> ui.navigate(CodesView.class));
            return;
        }
        int query = next.indexOf('?');
        String path = (query < 0 ? next : next.substring(0, query)).substring(1);
        QueryParameters parameters = QueryParameters.fromString(query < 0 ? "" : next.substring(query + 1));
        getUI().ifPresent(ui -> ui.navigate(path, parameters));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.titleLogin");
    }
}
