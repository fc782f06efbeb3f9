package dev.keyhole.viewer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/** {@code <keyhole-login>}: sign-in in the browser. The server hears only that it succeeded, and where to go. */
@Tag("keyhole-login")
@JsModule("./components/keyhole-login.ts")
@NpmPackage(value = "libsodium-wrappers-sumo", version = "0.8.4")
class LoginElement extends Component {

    /** Public, with a public constructor: Vaadin instantiates DOM events reflectively. */
    @DomEvent("keyhole-signed-in")
    public static class SignedInEvent extends ComponentEvent<LoginElement> {

        private final String next;

        public SignedInEvent(LoginElement source, boolean fromClient, @EventData("event.detail.next") String next) {
            super(source, fromClient);
            this.next = next;
        }

        String next() {
            return next;
        }
    }

    Registration addSignedInListener(ComponentEventListener<SignedInEvent> listener) {
        return addListener(SignedInEvent.class, listener);
    }
}
