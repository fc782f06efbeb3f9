package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.keyhole.account.AccountService;
import dev.keyhole.viewer.ViewerPrincipal;
import jakarta.annotation.security.PermitAll;

/**
 * Change password. {@code <keyhole-change-password>} proves the current password afresh with a sign-in of
 * its own and sets the new one through the sync API; the view only tells it the account's email (not a
 * secret), which that sign-in starts from.
 */
@Route("settings/password")
@PermitAll
class ChangePasswordView extends Div implements HasDynamicTitle {

    @Tag("keyhole-change-password")
    @JsModule("./components/keyhole-change-password.ts")
    @NpmPackage(value = "libsodium-wrappers-sumo", version = "0.8.4")
    static class ChangePasswordElement extends Component {}

    ChangePasswordView(AuthenticationContext authentication, AccountService accounts) {
        ChangePasswordElement element = new ChangePasswordElement();
        authentication
                .getAuthenticatedUser(ViewerPrincipal.class)
                .flatMap(viewer -> accounts.email(viewer.userId()))
                .ifPresent(email -> element.getElement().setProperty("email", email));
        add(element);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.titleChangePassword");
    }
}
