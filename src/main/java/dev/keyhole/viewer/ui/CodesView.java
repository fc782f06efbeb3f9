package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The dashboard. The codes are decrypted and rendered by {@code <keyhole-codes>} in the browser; this view
 * holds nothing but the element, so the server-side session stays tiny and never sees a code. It reads
 * the bookmarkable {@code q} and {@code tag} only to hand them to the element, which owns the URL after.
 */
@Route("codes")
@PageTitle("Codes · Keyhole")
@PermitAll
class CodesView extends Div implements BeforeEnterObserver {

    private final CodesElement codes = new CodesElement();

    CodesView() {
        setSizeFull();
        add(codes);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        codes.showView(
                parameters.getSingleParameter("q").orElse(""),
                parameters.getSingleParameter("tag").orElse(""));
    }
}
