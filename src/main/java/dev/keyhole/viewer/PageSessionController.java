package dev.keyhole.viewer;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Is this page's server session here?", asked by a page before it spends seconds on the key derivation.
 * The answer is the CSRF check itself: only the node that holds the session that loaded the page knows its
 * token, so behind a load balancer that lost the page's node (or spreads requests round-robin) this is a
 * 403 at once, instead of a 403 from {@code POST /web/session} after the whole Argon2id. The same holds for
 * a session that timed out. Nothing is read or written: the check costs what the CSRF filter costs.
 * docs/design-decisions/0024-check-the-node-before-the-key-derivation.md
 */
@RestController
class PageSessionController {

    static final String PATH = "/web/page-session";

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void alive() {
        // The CSRF filter before this method is the whole check.
    }
}
