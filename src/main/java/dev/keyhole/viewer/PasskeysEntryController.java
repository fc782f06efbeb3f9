package dev.keyhole.viewer;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where Ente's Auth app sends the browser from its "Passkeys" entry ({@code <accountsUrl>/passkeys?token=},
 * see passkey.PasskeyManagementEntryController). Keyhole's passkeys live on /settings, which asks the
 * browser to sign in (and so to open the vault, which registering a passkey needs) when it has no session.
 * The token the app appends is empty and ignored: nothing here signs anyone in.
 */
@Controller
class PasskeysEntryController {

    static final String PATH = "/passkeys";

    @GetMapping(PATH)
    String passkeys() {
        return "redirect:/settings";
    }
}
