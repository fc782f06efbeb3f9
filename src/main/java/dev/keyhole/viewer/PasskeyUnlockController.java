package dev.keyhole.viewer;

import dev.keyhole.passkey.Ceremony;
import dev.keyhole.passkey.Passkey;
import dev.keyhole.passkey.PasskeyService;
import dev.keyhole.passkey.PrfWrappedKey;
import dev.keyhole.passkey.SignInOptions;
import dev.keyhole.passkey.SignedIn;
import dev.keyhole.viewer.PasskeyCeremonies.Purpose;
import dev.keyhole.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Unlocking the vault in a tab of a signed-in session (a new tab, a bookmark, after auto-lock) with a
 * passkey instead of the password: a verified assertion of one of the account's own passkeys hands back
 * the master key wrapped for that passkey's PRF output, which only the browser can derive.
 */
@RestController
@RequestMapping("/web/passkeys/unlock")
class PasskeyUnlockController {

    /** {@code allowCredentialIds}: the account's passkeys that can unlock (those holding a wrapped key). */
    record Options(String challenge, String rpId, String prfSalt, List<String> allowCredentialIds) {}

    record Answer(@Nullable JsonNode credential) {}

    record Unlocked(PrfWrappedKey prf) {}

    private final PasskeyService passkeys;

    private final RecentProof recentProof;

    PasskeyUnlockController(PasskeyService passkeys, RecentProof recentProof) {
        this.passkeys = passkeys;
        this.recentProof = recentProof;
    }

    @PostMapping("/options")
    Options options(@AuthenticationPrincipal ViewerPrincipal viewer, HttpServletRequest request) {
        Ceremony ceremony = passkeys.newCeremony(Ceremony.Kind.SIGN_IN);
        SignInOptions signIn = passkeys.signInOptions(ceremony);
        List<String> unlocking = passkeys.list(viewer.userId()).stream()
                .filter(Passkey::unlocksVault)
                .map(Passkey::id)
                .toList();
        PasskeyCeremonies.hold(request.getSession(), Purpose.UNLOCK, ceremony);
        return new Options(signIn.challenge(), signIn.rpId(), signIn.prfSalt(), unlocking);
    }

    @PostMapping
    Unlocked unlock(
            @AuthenticationPrincipal ViewerPrincipal viewer, @RequestBody Answer body, HttpServletRequest request) {
        Optional<Ceremony> ceremony = PasskeyCeremonies.take(request, Purpose.UNLOCK);
        String credential = CredentialJson.of(body.credential());
        // Only this account's passkeys count: another account's is refused like an unknown one, before its
        // counter or last-used time is touched.
        SignedIn signedIn =
                passkeys.verifyFor(viewer.userId(), ceremony.orElseThrow(PasskeyCeremonies::expired), credential);
        recentProof.record(request.getSession());
        if (signedIn.prf() == null) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "NO_PRF_KEY",
                    "This passkey cannot unlock the vault. Unlock with your password.");
        }
        return new Unlocked(signedIn.prf());
    }
}
