package dev.keyhole.viewer;

import dev.keyhole.account.UserId;
import dev.keyhole.api.RequestFields;
import dev.keyhole.passkey.PasskeyService;
import dev.keyhole.passkey.RelyingParty;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in account's passkeys as its settings page shows them: the list, rename, delete, and the
 * "passkey after password" policy. Every change is scoped to the account; another account's passkey
 * id answers 404 like an unknown one.
 */
@RestController
@RequestMapping("/web/passkeys")
class PasskeySettingsController {

    /** {@code origin}: the one origin passkeys work on, so that a page opened elsewhere can say so. */
    record PasskeyList(List<PasskeyView> passkeys, boolean requiredAfterPassword, int max, String origin) {}

    record Rename(@Nullable String name) {}

    record Policy(@Nullable Boolean requiredAfterPassword) {}

    private final PasskeyService passkeys;

    private final RecentProof recentProof;

    private final RelyingParty relyingParty;

    PasskeySettingsController(PasskeyService passkeys, RecentProof recentProof, RelyingParty relyingParty) {
        this.passkeys = passkeys;
        this.recentProof = recentProof;
        this.relyingParty = relyingParty;
    }

    @GetMapping
    PasskeyList list(@AuthenticationPrincipal ViewerPrincipal viewer) {
        UserId user = viewer.userId();
        return new PasskeyList(
                passkeys.list(user).stream().map(PasskeyView::of).toList(),
                passkeys.requiredAfterPassword(user),
                PasskeyService.MAX_PASSKEYS,
                relyingParty.origin());
    }

    @PatchMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void rename(@AuthenticationPrincipal ViewerPrincipal viewer, @PathVariable String id, @RequestBody Rename body) {
        passkeys.rename(viewer.userId(), id, RequestFields.required(body.name(), "name"));
    }

    /** Deleting the last passkey also ends the policy (PasskeyService): an account is never locked out. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal ViewerPrincipal viewer, @PathVariable String id, HttpServletRequest request) {
        recentProof.require(request);
        passkeys.delete(viewer.userId(), id);
    }

    @PutMapping("/policy")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void policy(@AuthenticationPrincipal ViewerPrincipal viewer, @RequestBody Policy body, HttpServletRequest request) {
        recentProof.require(request);
        passkeys.requireAfterPassword(
                viewer.userId(), RequestFields.required(body.requiredAfterPassword(), "requiredAfterPassword"));
    }
}
