package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The account's signed-in browsers and sync clients, listed and ended by {@code <keyhole-sessions>}. */
@Route("settings/sessions")
@PermitAll
class SessionsView extends Div implements HasDynamicTitle {

    @Tag("keyhole-sessions")
    @JsModule("./components/keyhole-sessions.ts")
    static class SessionsElement extends Component {}

    SessionsView() {
        add(new SessionsElement());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.titleSessions");
    }
}
