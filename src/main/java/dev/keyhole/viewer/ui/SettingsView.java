package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The viewer's preferences (the auto-lock delay), edited by {@code <keyhole-settings>} over /web/settings. */
@Route("settings")
@PermitAll
class SettingsView extends Div implements HasDynamicTitle {

    @Tag("keyhole-settings")
    @JsModule("./components/keyhole-settings.ts")
    static class SettingsElement extends Component {}

    SettingsView() {
        add(new SettingsElement());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.titleSettings");
    }
}
