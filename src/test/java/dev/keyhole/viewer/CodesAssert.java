package dev.keyhole.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.otp.InvalidOtpAuthUriException;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import dev.keyhole.otp.OtpGenerator;
import dev.keyhole.otp.OtpType;
import dev.keyhole.viewer.pages.CodesPage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Checks what the dashboard shows against the Java OTP engine, computed independently at the same instant. */
public final class CodesAssert {

    private CodesAssert() {}

    public static OtpCode parse(String uri) {
        try {
            return OtpAuthUri.parse(uri);
        } catch (InvalidOtpAuthUriException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Reads every card between two readings of the server's clock (shifted by {@code serverSkew} when the
     * test moves it) and checks each code against the engine at those instants. A period boundary
     * between the two readings allows either step's codes; otherwise the codes must be those of the step.
     */
    public static void everyCardMatches(
            Supplier<List<CodesPage.Card>> readCards, List<OtpCode> expected, Supplier<Instant> serverNow) {
        Instant before = serverNow.get();
        List<CodesPage.Card> cards = readCards.get();
        Instant after = serverNow.get();
        assertThat(Duration.between(before, after)).isLessThan(Duration.ofSeconds(5));
        assertThat(cards).hasSameSizeAs(expected);
        for (int i = 0; i < cards.size(); i++) {
            CodesPage.Card card = cards.get(i);
            OtpCode code = expected.get(i);
            assertThat(card.issuer()).as("issuer of card %d", i).isEqualTo(code.issuer());
            assertThat(card.account()).as("account of card %d", i).isEqualTo(code.account());
            assertThat(card.type())
                    .as("type of card %d", i)
                    .isEqualTo(code.type().name().toLowerCase());
            assertThat(List.of(card.current(), card.next()))
                    .as("codes of %s", card.issuer())
                    .isIn(codesAt(code, before), codesAt(code, after));
            if (code.type() == OtpType.HOTP) {
                assertThat(card.secondsRemaining()).isNull();
            } else {
                assertThat(card.secondsRemaining())
                        .as("seconds left on %s", card.issuer())
                        .isBetween(
                                OtpGenerator.secondsRemaining(code, after) - 1,
                                OtpGenerator.secondsRemaining(code, before) + 1);
            }
        }
    }

    private static List<String> codesAt(OtpCode code, Instant at) {
        return List.of(OtpGenerator.current(code, at), OtpGenerator.next(code, at));
    }
}
