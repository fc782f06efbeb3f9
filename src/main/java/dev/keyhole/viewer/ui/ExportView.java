package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * Export from the browser. {@code <keyhole-export>} decrypts the vault in the browser and makes every
 * format there (Ente encrypted export, otpauth list, QR codes); this view holds nothing but the element,
 * so no code and no choice of format reaches the server.
 */
@Route("export")
@PermitAll
class ExportView extends Div implements HasDynamicTitle {

    @Tag("keyhole-export")
    @JsModule("./components/keyhole-export.ts")
    @NpmPackage(value = "libsodium-wrappers-sumo", version = "0.8.4")
    @NpmPackage(value = "qrcode-generator", version = "2.0.4")
    static class ExportElement extends Component {}

    ExportView() {
        add(new ExportElement());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shell.titleExport");
    }
}
