package dev.keyhole.passkey;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two calls behind the "Passkeys" entry of Ente's Auth app (mobile/apps/auth/lib/ui/settings/
 * security_section_widget.dart {@code onPasskeyClick}, mobile/packages/accounts/lib/services/
 * passkey_service.dart): the recovery status, then a token and the URL that the app opens in a browser as
 * {@code <accountsUrl>/passkeys?token=<accountsToken>}. Keyhole manages passkeys on its own /settings page,
 * which needs the vault open in that browser, so the browser signs in there itself and the token is empty:
 * no credential travels in the URL (ADR 0016). Both need a sync token (under /users/**).
 */
@RestController
class PasskeyManagementEntryController {

    /** Ente's {@code TwoFactorRecoveryStatus} (server/ente/passkey.go). */
    record RecoveryStatus(boolean allowAdminReset, boolean isPasskeyRecoveryEnabled) {}

    record AccountsToken(String accountsToken, String accountsUrl) {}

    private final RelyingParty relyingParty;

    PasskeyManagementEntryController(RelyingParty relyingParty) {
        this.relyingParty = relyingParty;
    }

    /**
     * A lost passkey is recovered by whoever runs the server ({@code keyhole.passkeys.disable-requirement-for},
     * docs/passkeys.md), hence both true: with {@code isPasskeyRecoveryEnabled} false the app would first
     * upload a reset secret for a recovery-key path that Keyhole does not have, and stop at its 404.
     */
    @GetMapping("/users/two-factor/recovery-status")
    RecoveryStatus recoveryStatus() {
        return new RecoveryStatus(true, true);
    }

    /** Opens Keyhole's passkey page ({@code /passkeys} redirects to /settings after a browser sign-in). */
    @GetMapping("/users/accounts-token")
    AccountsToken accountsToken() {
        return new AccountsToken("", relyingParty.origin());
    }
}
