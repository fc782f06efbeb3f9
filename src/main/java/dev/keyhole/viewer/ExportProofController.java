package dev.keyhole.viewer;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one question the export page asks the server: has this web session proved its owner lately (a
 * sign-in or a passkey unlock within {@link RecentProof}'s window)? The export itself happens in the
 * browser; this request names no code and no format, and changes nothing.
 */
@RestController
class ExportProofController {

    static final String PATH = "/web/export/proof";

    private final RecentProof recentProof;

    ExportProofController(RecentProof recentProof) {
        this.recentProof = recentProof;
    }

    @GetMapping(PATH)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void proof(HttpServletRequest request) {
        recentProof.require(
                request, "Exporting needs a recent sign-in. Unlock with a passkey, or sign out and in again.");
    }
}
