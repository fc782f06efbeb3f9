package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.cli.client.AccountApi.EmailAuthorization;
import dev.keyhole.sync.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wait for a passkey approval: the one line it prints, its polling rhythm, its time limit. */
class PasskeyApprovalTest {

    private static final EmailAuthorization PENDING =
            new EmailAuthorization(7, null, null, null, "", "abc-_123", "https://keyhole.example.org", null);
    private static final EmailAuthorization APPROVED =
            new EmailAuthorization(7, null, "sealed", null, null, null, null, null);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final List<Instant> polls = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final PasskeyApproval approval = new PasskeyApproval(clock, clock::advance);

    @Test
    void printsWhereToApproveThenPollsEveryTwoSecondsUntilApproved() {
        EmailAuthorization answer = approval.await(new PrintWriter(out), "http://unused", PENDING, sessionId -> {
            assertThat(sessionId).isEqualTo("abc-_123");
            polls.add(clock.instant());
            return polls.size() < 3 ? Optional.empty() : Optional.of(APPROVED);
        });

        assertThat(answer).isEqualTo(APPROVED);
        assertThat(out.toString())
                .isEqualTo("Approve this sign-in with your passkey at "
                        + "https://keyhole.example.org/passkeys/verify?passkeySessionID=abc-_123"
                        + System.lineSeparator());
        assertThat(polls)
                .containsExactly(
                        Instant.parse("2026-11-23T12:00:00Z"),
                        Instant.parse("2026-11-23T12:00:02Z"),
                        Instant.parse("2026-11-23T12:00:04Z"));
    }

    @Test
    void withoutAnAccountsUrlTheServerItselfIsNamed() {
        EmailAuthorization pending = new EmailAuthorization(7, null, null, null, "", "id", "", null);

        approval.await(new PrintWriter(out), "http://localhost:8080", pending, sessionId -> Optional.of(APPROVED));

        assertThat(out.toString())
                .startsWith("Approve this sign-in with your passkey at "
                        + "http://localhost:8080/passkeys/verify?passkeySessionID=id");
    }

    @Test
    void givesUpAfterFiveMinutesWithOneLine() {
        assertThatThrownBy(() -> approval.await(new PrintWriter(out), "http://unused", PENDING, sessionId -> {
                    polls.add(clock.instant());
                    return Optional.empty();
                }))
                .isInstanceOf(CliException.class)
                .hasMessage("The sign-in was not approved with a passkey within 5 minutes; run keyhole login again.");

        assertThat(polls).hasSize(150);
        assertThat(Duration.between(polls.getFirst(), polls.getLast())).isEqualTo(Duration.ofSeconds(298));
    }

    @Test
    void anInterruptedWaitIsACancelledSignIn() {
        PasskeyApproval interrupted = new PasskeyApproval(clock, duration -> {
            throw new InterruptedException();
        });

        assertThatThrownBy(() -> interrupted.await(
                        new PrintWriter(out), "http://unused", PENDING, sessionId -> Optional.empty()))
                .isInstanceOf(CliException.class)
                .hasMessage("Sign-in cancelled; nothing was saved.");
        assertThat(Thread.interrupted()).isTrue();
    }
}
