package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The frame of every page a signed-in person sees: {@code <keyhole-header>} (navigation, theme, Lock now,
 * sign out, and the idle lock) above the page in a {@code main} landmark. Vaadin applies it to each route;
 * the pages for signed-out people opt out with {@code @Route(autoLayout = false)} and are their own main.
 * Kept while navigating between its pages, so the idle timer runs on across them.
 * {@code @AnonymousAllowed}: Vaadin checks a layout's access as well as the view's, and each view says who
 * may see it.
 */
@Layout
@AnonymousAllowed
class SignedInLayout extends Div implements RouterLayout, AfterNavigationObserver {

    private final HeaderElement header = new HeaderElement();
    private final Main main = new Main();

    SignedInLayout() {
        setSizeFull();
        getStyle().set("display", "flex").set("flex-direction", "column");
        main.getStyle().set("flex", "1").set("min-height", "0").set("overflow", "auto");
        add(header, main);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().appendChild(content.getElement());
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        header.showPage(event.getLocation().getPath());
    }
}
