package dev.keyhole.viewer;

import dev.keyhole.web.ApiException;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Stands in for the sync API until its accounts and vault land on this branch: sign-in is refused with
 * 503, so the rest of the application starts and runs. Replaced by the implementation over the sync
 * API's services when that is merged.
 */
@Component
class SyncApiPending implements TokenExchange, VaultSource {

    @Override
    public OptionalLong redeem(String token) {
        throw unavailable();
    }

    @Override
    public Snapshot changesSince(long userId, long sinceTime) {
        throw unavailable();
    }

    private static ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SYNC_API_MISSING", "Accounts are not available yet.");
    }
}
