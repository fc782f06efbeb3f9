package dev.keyhole.viewer;

import dev.keyhole.web.ApiException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /web/vault}: the signed-in account's encrypted vault, for the browser to decrypt. Read-only. */
@RestController
class WebVaultController {

    private final VaultSource vault;

    WebVaultController(VaultSource vault) {
        this.vault = vault;
    }

    @GetMapping("/web/vault")
    VaultSource.Snapshot vault(
            @AuthenticationPrincipal ViewerPrincipal viewer, @RequestParam(defaultValue = "0") long sinceTime) {
        if (sinceTime < 0) {
            throw ApiException.badRequest("INVALID_PARAMETER", "sinceTime must not be negative.");
        }
        return vault.changesSince(viewer.userId(), sinceTime);
    }
}
