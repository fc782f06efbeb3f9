package dev.keyhole.account;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Ente's {@code GET /users/delete-challenge} and {@code DELETE /users/delete}. Both need a token. */
@RestController
class AccountDeletionController {

    /** {@code apps}: Ente lists which of its apps the account used; Keyhole serves only Auth. */
    record ChallengeResponse(boolean allowDelete, String encryptedChallenge, List<String> apps) {}

    /**
     * Ente's mobile app sends {@code reasonCategory}, its web app {@code reason}; Keyhole keeps neither, nor
     * the feedback: nothing of a deleted account stays.
     */
    record DeleteRequest(
            @Nullable String challenge,
            @Nullable String reason,
            @Nullable String reasonCategory,
            @Nullable String feedback) {}

    /** Keyhole has no subscriptions, so there is never one to cancel. */
    record DeleteResponse(boolean isSubscriptionCancelled, long userID) {}

    private final AccountDeletionService deletion;

    AccountDeletionController(AccountDeletionService deletion) {
        this.deletion = deletion;
    }

    @GetMapping("/users/delete-challenge")
    ChallengeResponse challenge(@AuthenticationPrincipal CurrentUser user) {
        AccountDeletionService.Challenge challenge = deletion.challenge(user.userId());
        return new ChallengeResponse(challenge.allowDelete(), challenge.encryptedChallenge(), List.of("auth"));
    }

    @DeleteMapping("/users/delete")
    DeleteResponse delete(@AuthenticationPrincipal CurrentUser user, @RequestBody DeleteRequest request) {
        deletion.delete(user.userId(), request.challenge());
        return new DeleteResponse(false, user.userId().value());
    }
}
