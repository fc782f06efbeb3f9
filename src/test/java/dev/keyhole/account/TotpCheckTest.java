package dev.keyhole.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B's SHA-1 seed ("12345678901234567890"), cut to 6 digits as the second factor uses it. */
class TotpCheckTest {

    private static final String SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final Instant AT_59 = Instant.ofEpochSecond(59);

    @Test
    void theCodeOfNowMatchesItsOwnStep() {
        assertThat(TotpCheck.matchingStep(SEED, "287082", AT_59)).isEqualTo(1);
        assertThat(TotpCheck.matchingStep(SEED, " 287082 ", AT_59)).isEqualTo(1);
    }

    @Test
    void oneStepEitherSideMatchesButNotTwo() {
        Instant later = Instant.ofEpochSecond(59 + 30);
        Instant muchLater = Instant.ofEpochSecond(59 + 60);

        assertThat(TotpCheck.matchingStep(SEED, "287082", later)).isEqualTo(1);
        assertThat(TotpCheck.matchingStep(SEED, "287082", muchLater)).isEqualTo(-1);
        assertThat(TotpCheck.matchingStep(SEED, "287082", Instant.EPOCH.minusSeconds(1)))
                .isEqualTo(-1);
    }

    @Test
    void anythingButSixDigitsNeverMatches() {
        assertThat(TotpCheck.matchingStep(SEED, "94287082", AT_59)).isEqualTo(-1);
        assertThat(TotpCheck.matchingStep(SEED, "28708", AT_59)).isEqualTo(-1);
        assertThat(TotpCheck.matchingStep(SEED, "２８７０８２", AT_59)).isEqualTo(-1);
        assertThat(TotpCheck.matchingStep(SEED, "", AT_59)).isEqualTo(-1);
    }
}
