package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** {@code <keyhole-codes>}: the client-side dashboard. Nothing passes through here: no code, no search. */
@Tag("keyhole-codes")
@JsModule("./components/keyhole-codes.ts")
@NpmPackage(value = "libsodium-wrappers-sumo", version = "0.8.4")
class CodesElement extends Component implements HasSize {

    CodesElement() {
        setSizeFull();
    }
}
