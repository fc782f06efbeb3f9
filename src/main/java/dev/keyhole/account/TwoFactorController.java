package dev.keyhole.account;

import dev.keyhole.ratelimit.LimitedPerAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ente's TOTP second-factor endpoints (server/pkg/api/user.go). setup, enable, status and disable need a
 * token; verify, recover and remove come before one (limited per client address) and need the sign-in's
 * twoFactorSessionID.
 */
@RestController
class TwoFactorController {

    record EnableRequest(
            @Nullable String code,
            @Nullable String encryptedTwoFactorSecret,
            @Nullable String twoFactorSecretDecryptionNonce) {}

    record VerifyRequest(
            @Nullable String sessionID, @Nullable String code) {}

    record RemoveRequest(
            @Nullable String sessionID,
            @Nullable String secret,
            @Nullable String twoFactorType) {}

    private final TwoFactorService twoFactor;

    TwoFactorController(TwoFactorService twoFactor) {
        this.twoFactor = twoFactor;
    }

    @PostMapping("/users/two-factor/setup")
    TwoFactorService.Secret setup(@AuthenticationPrincipal CurrentUser user) {
        return twoFactor.setup(user.userId());
    }

    @PostMapping("/users/two-factor/enable")
    void enable(@AuthenticationPrincipal CurrentUser user, @RequestBody EnableRequest request) {
        twoFactor.enable(
                user.userId(),
                request.code(),
                request.encryptedTwoFactorSecret(),
                request.twoFactorSecretDecryptionNonce());
    }

    @GetMapping("/users/two-factor/status")
    Map<String, Boolean> status(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("status", twoFactor.enabled(user.userId()));
    }

    @PostMapping("/users/two-factor/disable")
    void disable(@AuthenticationPrincipal CurrentUser user) {
        twoFactor.disable(user.userId());
    }

    @PostMapping("/users/two-factor/verify")
    @LimitedPerAddress("two-factor-verify")
    SealedSignIn verify(@RequestBody VerifyRequest request, HttpServletRequest http) {
        return twoFactor.verify(request.sessionID(), request.code(), ClientInfo.of(http));
    }

    @GetMapping("/users/two-factor/recover")
    @LimitedPerAddress("two-factor-recover")
    TwoFactorService.Recovery recover(
            @RequestParam(required = false) @Nullable String sessionID,
            @RequestParam(required = false) @Nullable String twoFactorType) {
        return twoFactor.recover(sessionID, twoFactorType);
    }

    @PostMapping("/users/two-factor/remove")
    @LimitedPerAddress("two-factor-remove")
    SealedSignIn remove(@RequestBody RemoveRequest request, HttpServletRequest http) {
        return twoFactor.remove(request.sessionID(), request.secret(), request.twoFactorType(), ClientInfo.of(http));
    }
}
