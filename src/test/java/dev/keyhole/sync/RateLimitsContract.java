package dev.keyhole.sync;

import static dev.keyhole.sync.EnteKeys.b64;
import static dev.keyhole.sync.EnteTestClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.SrpClient;
import dev.keyhole.ratelimit.Limit;
import dev.keyhole.ratelimit.RateLimitedException;
import dev.keyhole.ratelimit.RateLimiter;
import dev.keyhole.sync.EnteTestClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The limits hold exactly under concurrent requests, on a real database: the count is taken by one
 * conditional statement per request, so parallel requests cannot all see "one left". The per-address limits
 * are raised on this server (SyncTestSupport), so what is measured here are the per-account ones.
 */
abstract class RateLimitsContract extends SyncTestSupport {

    @Autowired
    RateLimiter limiter;

    @Test
    void fiftyParallelTakesFromOneBucketLetExactlyItsBurstThroughThenOnePerRefill() throws Exception {
        Limit limit = new Limit("contract", 10, Duration.ofMinutes(1), "SLOW_DOWN", "Slow down.");
        String key = UUID.randomUUID().toString();

        List<Boolean> taken = parallel(50, () -> {
            try {
                limiter.take(limit, key);
                return true;
            } catch (RateLimitedException refused) {
                assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
                return false;
            }
        });

        assertThat(taken.stream().filter(ok -> ok)).hasSize(10);
        clock.advance(Duration.ofMinutes(1));
        limiter.take(limit, key);
        assertThatThrownBy(() -> limiter.take(limit, key))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        refused -> assertThat(refused.headers().getFirst("Retry-After"))
                                .isEqualTo("60"));
    }

    @Test
    void fiftyParallelCreateSessionsForOneAccountFromOneAddressOpenExactlyTheLimit() throws Exception {
        String email = newEmail("parallel-srp");
        signedUp(email);
        String srpUserId = expect200(newClient().get("/users/srp/attributes?email=" + email))
                .body()
                .path("attributes")
                .path("srpUserID")
                .asString();
        long before = sessionsOf(srpUserId);

        List<Response> answers = parallel(50, () -> createSession(srpUserId));

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(10);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 200)
                .hasSize(40)
                .allSatisfy(refused -> {
                    assertThat(refused.status()).isEqualTo(429);
                    assertThat(refused.code()).isEqualTo("TOO_MANY_UNVERIFIED_SESSIONS");
                    assertThat(Long.parseLong(refused.retryAfter())).isPositive();
                });
        assertThat(sessionsOf(srpUserId) - before).isEqualTo(10);
    }

    @Test
    void thirtyParallelCodeRequestsForOneEmailFromOneAddressSendExactlyTheLimit() throws Exception {
        String email = newEmail("parallel-ott");

        List<Response> answers = parallel(
                30, () -> newClient().post("/users/ott", JSON.createObjectNode().put("email", email)));

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(10);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 200)
                .hasSize(20)
                .allSatisfy(refused -> {
                    assertThat(refused.status()).isEqualTo(429);
                    assertThat(refused.code()).isEqualTo("TOO_MANY_CODES");
                    assertThat(refused.retryAfter()).isNotEmpty();
                });
        assertThat(count("SELECT COUNT(*) FROM email_codes WHERE email = ?", email))
                .isEqualTo(10);
    }

    @Test
    void aFinishedSignInGivesItsSessionBackSoTheOwnerIsNeverLimitedByTheirOwnSignIns() {
        String email = newEmail("regular");
        signedUp(email);

        for (int signIn = 0; signIn < 12; signIn++) {
            expect200(newClient().logIn(email, PASSWORD));
        }
    }

    private Response createSession(String srpUserId) {
        byte[] publicA = new SrpClient(Sodium.randomBytes(16), srpUserId, Sodium.randomBytes(16)).publicA();
        return newClient()
                .post(
                        "/users/srp/create-session",
                        JSON.createObjectNode().put("srpUserID", srpUserId).put("srpA", b64(publicA)));
    }

    private long sessionsOf(String srpUserId) {
        return count("SELECT COUNT(*) FROM srp_sessions WHERE srp_user_id = ?", UUID.fromString(srpUserId));
    }

    private static Response expect200(Response response) {
        return EnteTestClient.expect(response, 200);
    }

    /** Runs {@code n} calls at once: all threads wait at a latch, then go together. */
    private static <T> List<T> parallel(int n, Callable<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
