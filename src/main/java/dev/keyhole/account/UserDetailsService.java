package dev.keyhole.account;

import dev.keyhole.account.internal.SrpAuthRepository;
import dev.keyhole.account.internal.UserRepository;
import dev.keyhole.web.ApiException;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;

/** Ente's {@code GET /users/details/v2} for the token holder's account. */
@Service
class UserDetailsService {

    /** Ente's free plan runs for 100 years from sign-up. */
    private static final long FREE_PLAN_MICROS = Duration.ofDays(36_525).toNanos() / 1000;

    private final UserRepository users;
    private final SrpAuthRepository srpAuth;
    private final List<ProfileFacts> facts;

    UserDetailsService(UserRepository users, SrpAuthRepository srpAuth, List<ProfileFacts> facts) {
        this.users = users;
        this.srpAuth = srpAuth;
        this.facts = List.copyOf(facts);
    }

    UserDetails details(UserId user, boolean memoryCount) {
        String email = users.findEmail(user.value()).orElseThrow(UserDetailsService::gone);
        long createdAt = users.findCreatedAt(user.value()).orElseThrow(UserDetailsService::gone);
        // Ente counts files only when asked (its default); Keyhole stores none.
        Long none = memoryCount ? 0L : null;
        return new UserDetails(
                email,
                0,
                UserDetails.Subscription.free(user, createdAt + FREE_PLAN_MICROS),
                none,
                none,
                0,
                profile(user),
                new UserDetails.BonusData(List.of()));
    }

    /** Deleted while the request was on its way. */
    private static ApiException gone() {
        return ApiException.notFound("No such account.");
    }

    private UserDetails.ProfileData profile(UserId user) {
        return new UserDetails.ProfileData(
                // As on Ente's server: emailed-code sign-in may be turned off only once a password exists.
                srpAuth.exists(user.value()),
                facts.stream().anyMatch(f -> f.emailMfaEnabled(user)),
                facts.stream().anyMatch(f -> f.twoFactorEnabled(user)),
                facts.stream().mapToLong(f -> f.passkeyCount(user)).sum());
    }
}
