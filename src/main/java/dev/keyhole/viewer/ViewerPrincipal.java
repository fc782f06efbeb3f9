package dev.keyhole.viewer;

import dev.keyhole.account.UserId;
import java.io.Serializable;
import java.security.Principal;

/** Who a web session belongs to: an account id, nothing secret. */
public record ViewerPrincipal(UserId userId) implements Principal, Serializable {

    /** The one role of the browser surface: read codes, manage the own web session and settings. */
    public static final String ROLE = "VIEWER";

    @Override
    public String getName() {
        return "account " + userId.value();
    }
}
