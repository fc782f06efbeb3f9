package dev.keyhole.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ente's {@code GET /users/details/v2} answer, shaped as Ente's server writes it for a free account with
 * nothing stored but codes. Ente's apps parse every field here (a missing {@code subscription} or
 * {@code usage} makes the mobile app's parser throw), so each is present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UserDetails(
        String email,
        long usage,
        Subscription subscription,
        @Nullable Long fileCount,
        @Nullable Long sharedCollectionsCount,
        long storageBonus,
        ProfileData profileData,
        BonusData bonusData) {

    /**
     * Ente's free plan ({@code productID "free"}, transaction {@code "none"}, no payment provider, expiring 100
     * years after sign-up). Storage is 0 where Ente writes its photo plan's 10 GiB: Keyhole stores no files,
     * and the Auth apps do not read it.
     */
    record Subscription(
            long id,
            long userID,
            String productID,
            long storage,
            String originalTransactionID,
            long expiryTime,
            String paymentProvider,
            Map<String, Object> attributes,
            String price,
            String period) {

        static Subscription free(UserId user, long expiryTime) {
            return new Subscription(0, user.value(), "free", 0, "none", expiryTime, "", Map.of(), "", "");
        }
    }

    record ProfileData(
            boolean canDisableEmailMFA, boolean isEmailMFAEnabled, boolean isTwoFactorEnabled, long passkeyCount) {}

    record BonusData(List<Object> storageBonuses) {}
}
