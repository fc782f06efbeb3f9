package dev.keyhole.viewer;

import dev.keyhole.account.AccountService;
import dev.keyhole.account.UserId;
import dev.keyhole.api.RequestFields;
import dev.keyhole.passkey.Ceremony;
import dev.keyhole.passkey.PasskeyService;
import dev.keyhole.passkey.PrfWrappedKey;
import dev.keyhole.passkey.RegistrationOptions;
import dev.keyhole.viewer.PasskeyCeremonies.Purpose;
import dev.keyhole.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Adding a passkey to the signed-in account: options, the authenticator's answer, then (when the
 * authenticator has PRF) the master key the browser wrapped under a key only that passkey can give it.
 */
@RestController
@RequestMapping("/web/passkeys")
class PasskeyRegistrationController {

    record Registration(@Nullable String name, @Nullable JsonNode credential) {}

    /** Standard base64: a 32-byte PRF salt, a secretbox nonce, and the 32-byte master key boxed (48 bytes). */
    record PrfKey(
            @Nullable String salt,
            @Nullable String wrappedKey,
            @Nullable String nonce) {

        PrfWrappedKey validated() {
            return new PrfWrappedKey(
                    canonical(salt, "salt", 32),
                    canonical(wrappedKey, "wrappedKey", 32 + 16),
                    canonical(nonce, "nonce", 24));
        }

        private static String canonical(@Nullable String value, String field, int bytes) {
            return Base64.getEncoder().encodeToString(RequestFields.base64(value, field, bytes));
        }
    }

    private final PasskeyService passkeys;
    private final AccountService accounts;
    private final RecentProof recentProof;

    PasskeyRegistrationController(PasskeyService passkeys, AccountService accounts, RecentProof recentProof) {
        this.passkeys = passkeys;
        this.accounts = accounts;
        this.recentProof = recentProof;
    }

    @PostMapping("/registration/options")
    RegistrationOptions options(@AuthenticationPrincipal ViewerPrincipal viewer, HttpServletRequest request) {
        recentProof.require(request);
        UserId user = viewer.userId();
        // The authenticator shows the email to tell this account's passkeys apart from others.
        String email = accounts.email(user)
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "NOT_SIGNED_IN", "Sign in first."));
        Ceremony ceremony = passkeys.newCeremony(Ceremony.Kind.REGISTRATION);
        RegistrationOptions options = passkeys.registrationOptions(user, email, ceremony);
        PasskeyCeremonies.hold(request.getSession(), Purpose.REGISTRATION, ceremony);
        return options;
    }

    @PostMapping("/registration")
    @ResponseStatus(HttpStatus.CREATED)
    PasskeyView register(
            @AuthenticationPrincipal ViewerPrincipal viewer,
            @RequestBody Registration body,
            HttpServletRequest request) {
        recentProof.require(request);
        Optional<Ceremony> ceremony = PasskeyCeremonies.take(request, Purpose.REGISTRATION);
        String name = RequestFields.required(body.name(), "name");
        String credential = CredentialJson.of(body.credential());
        return PasskeyView.of(
                passkeys.register(viewer.userId(), ceremony.orElseThrow(PasskeyCeremonies::expired), credential, name));
    }

    /** The server keeps the blob as it is: it cannot open it, and nothing it has can. */
    @PutMapping("/{id}/prf-key")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void attachPrfKey(
            @AuthenticationPrincipal ViewerPrincipal viewer,
            @PathVariable String id,
            @RequestBody PrfKey body,
            HttpServletRequest request) {
        // Replacing a wrapped key could plant one that opens to a key of someone else's choosing.
        recentProof.require(request);
        passkeys.attachPrfKey(viewer.userId(), id, body.validated());
    }
}
