package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/** {@code <keyhole-header>}: the signed-in pages' header, which also locks the tab. */
@Tag("keyhole-header")
@JsModule("./components/keyhole-header.ts")
class HeaderElement extends Component {

    /** Marks the route shown below as the current page in the navigation. */
    void showPage(String path) {
        getElement().setAttribute("page", path);
    }
}
