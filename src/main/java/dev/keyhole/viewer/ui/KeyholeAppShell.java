package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;

/**
 * Page-wide settings: Lumo styles, a phone-friendly viewport, no referrer leaking from the viewer, and
 * Keyhole's icon (served by the viewer's SiteFilesController).
 *
 * <p>Of Lumo, only its custom properties (colours, sizes, spacing, fonts, light and dark) and its page-wide
 * styles: the viewer's own elements use those and no Vaadin component, whose styles are five sixths of Lumo's
 * whole stylesheet (lumo.css: 43 KB gzip-compressed against 10 KB for these). Imported into the bundle, so
 * they are brotli-compressed and cached with it (issue 14).
 */
@CssImport("@vaadin/vaadin-lumo-styles/src/props/index.css")
@CssImport("@vaadin/vaadin-lumo-styles/src/global/index.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
@Meta(name = "referrer", content = "no-referrer")
class KeyholeAppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "favicon.svg", "any");
    }
}
