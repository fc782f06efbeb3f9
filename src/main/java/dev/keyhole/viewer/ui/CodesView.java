package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The dashboard. The codes are decrypted and rendered by {@code <keyhole-codes>} in the browser; this view
 * holds nothing but the element, so the server-side session stays tiny and never sees a code. Nor does it
 * see what the person searches for: the search and the tag live in the URL's fragment, which only the
 * element reads (an old bookmark's {@code ?q=} is moved there by the element, not read here).
 */
@Route("codes")
@PermitAll
class CodesView extends Div implements HasDynamicTitle {

    CodesView() {
        setSizeFull();
        add(new CodesElement());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.titleCodes");
    }
}
