package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "browser-check", autoLayout = false)
@AnonymousAllowed
class BrowserCheckView extends Main implements HasDynamicTitle {

    BrowserCheckView() {
        add(new H1(getTranslation("browserCheck.title")), new BrowserCheck());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.titleBrowserCheck");
    }
}
