package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "browser-check", autoLayout = false)
@PageTitle("Browser check · Keyhole")
@AnonymousAllowed
class BrowserCheckView extends Main {

    BrowserCheckView() {
        add(new H1("Browser check"), new BrowserCheck());
    }
}
