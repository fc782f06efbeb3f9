package dev.keyhole.account;

import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ente's {@code GET /users/details/v2}, which Ente's apps ask at start and in their settings. */
@RestController
class UserDetailsController {

    private final UserDetailsService details;

    UserDetailsController(UserDetailsService details) {
        this.details = details;
    }

    /** Go's strconv.ParseBool "true" spellings; Ente's server reads anything else as false. */
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");

    /** {@code memoryCount}: whether to count files, {@code true} when absent, as on Ente's server. */
    @GetMapping("/users/details/v2")
    UserDetails details(
            @AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "true") String memoryCount) {
        return details.details(user.userId(), TRUE.contains(memoryCount));
    }
}
