package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route("browser-check")
@PageTitle("Browser check · Keyhole")
@AnonymousAllowed
class BrowserCheckView extends Div {

    BrowserCheckView() {
        add(new H1("Browser check"), new BrowserCheck());
    }
}
