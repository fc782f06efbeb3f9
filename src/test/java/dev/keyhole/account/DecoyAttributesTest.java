package dev.keyhole.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.keyhole.account.DecoyAttributes.KdfSetting;
import dev.keyhole.account.SrpLoginService.SrpAttributes;
import dev.keyhole.crypto.Sodium;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecoyAttributesTest {

    private static final int EMAILS = 10_000;
    private static final byte[] KEY = Sodium.randomBytes(32);

    @Test
    void theSameEmailAlwaysGetsTheSameAttributes() {
        String email = randomEmail();

        assertThat(DecoyAttributes.forEmail(KEY, email)).isEqualTo(DecoyAttributes.forEmail(KEY, email));
        assertThat(DecoyAttributes.forEmail(KEY.clone(), email)).isEqualTo(DecoyAttributes.forEmail(KEY, email));
        assertThat(DecoyAttributes.forEmail(Sodium.randomBytes(32), email))
                .isNotEqualTo(DecoyAttributes.forEmail(KEY, email));
    }

    @Test
    void theWeightsAddUpToAThousandAndEverySettingIsOneARealAccountCanHave() {
        assertThat(DecoyAttributes.KDF_SETTINGS.stream()
                        .mapToInt(KdfSetting::perMille)
                        .sum())
                .isEqualTo(1000);
        for (KdfSetting setting : DecoyAttributes.KDF_SETTINGS) {
            assertThatCode(() -> KdfLimits.check(setting.memLimit(), setting.opsLimit()))
                    .as(setting.toString())
                    .doesNotThrowAnyException();
        }
    }

    /**
     * One decoy in five says email verification is on (Ente's share), drawn from the srpUserID alone, so that
     * create-session (which sees only that) can refuse the same decoys; independent of the KDF setting.
     */
    @Test
    void aFifthOfTheDecoysSayEmailVerificationIsOnAndCreateSessionKnowsWhich() {
        int on = 0;
        int onWithCommonestKdf = 0;
        int commonestKdf = 0;
        for (int i = 0; i < EMAILS; i++) {
            SrpAttributes decoy = DecoyAttributes.forEmail(KEY, randomEmail());
            assertThat(DecoyAttributes.emailMfa(KEY, decoy.srpUserID())).isEqualTo(decoy.isEmailMFAEnabled());
            boolean commonest = decoy.memLimit() == 256 * DecoyAttributes.MEBIBYTE;
            on += decoy.isEmailMFAEnabled() ? 1 : 0;
            commonestKdf += commonest ? 1 : 0;
            onWithCommonestKdf += commonest && decoy.isEmailMFAEnabled() ? 1 : 0;
        }
        double p = DecoyAttributes.EMAIL_MFA_PER_MILLE / 1000.0;
        assertThat((double) on)
                .isCloseTo(EMAILS * p, org.assertj.core.data.Offset.offset(4.5 * Math.sqrt(EMAILS * p * (1 - p))));
        assertThat((double) onWithCommonestKdf)
                .isCloseTo(
                        commonestKdf * p,
                        org.assertj.core.data.Offset.offset(4.5 * Math.sqrt(commonestKdf * p * (1 - p))));
    }

    /** Each count within 4.5 standard deviations of its weight: a false alarm about once in 150,000 runs. */
    @Test
    void overTenThousandEmailsTheSettingsFollowTheirWeights() {
        Map<KdfSetting, Integer> counts = new HashMap<>();
        for (int i = 0; i < EMAILS; i++) {
            SrpAttributes decoy = DecoyAttributes.forEmail(KEY, randomEmail());
            assertThatCode(() -> KdfLimits.check(decoy.memLimit(), decoy.opsLimit()))
                    .doesNotThrowAnyException();
            KdfSetting drawn = DecoyAttributes.KDF_SETTINGS.stream()
                    .filter(s -> s.memLimit() == decoy.memLimit() && s.opsLimit() == decoy.opsLimit())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("not a listed setting: " + decoy));
            counts.merge(drawn, 1, Integer::sum);
        }
        for (KdfSetting setting : DecoyAttributes.KDF_SETTINGS) {
            double p = setting.perMille() / 1000.0;
            double expected = EMAILS * p;
            double tolerance = 4.5 * Math.sqrt(EMAILS * p * (1 - p));
            assertThat((double) counts.getOrDefault(setting, 0))
                    .as(setting.toString())
                    .isBetween(expected - tolerance, expected + tolerance);
        }
    }

    /** The old decoys took the setting from the salt's first byte, so a salt could give a real account away. */
    @Test
    void theSettingDoesNotFollowFromTheSalt() {
        int[] oddSaltsBySetting = new int[DecoyAttributes.KDF_SETTINGS.size()];
        int[] totals = new int[DecoyAttributes.KDF_SETTINGS.size()];
        for (int i = 0; i < EMAILS; i++) {
            SrpAttributes decoy = DecoyAttributes.forEmail(KEY, randomEmail());
            int index = indexOf(decoy);
            totals[index]++;
            oddSaltsBySetting[index] += Base64.getDecoder().decode(decoy.srpSalt())[0] & 1;
        }
        // The commonest setting (5,500 expected): odd first salt bytes about half the time, not all or none.
        assertThat(oddSaltsBySetting[0] / (double) totals[0]).isBetween(0.45, 0.55);
    }

    @Test
    void theOtherFieldsLookLikeARealAccounts() {
        SrpAttributes decoy = DecoyAttributes.forEmail(KEY, randomEmail());

        assertThat(decoy.srpUserID().version()).isEqualTo(4);
        assertThat(decoy.srpUserID().variant()).isEqualTo(2);
        assertThat(Base64.getDecoder().decode(decoy.srpSalt())).hasSize(16);
        assertThat(Base64.getDecoder().decode(decoy.kekSalt())).hasSize(16);
    }

    private static int indexOf(SrpAttributes decoy) {
        for (int i = 0; i < DecoyAttributes.KDF_SETTINGS.size(); i++) {
            KdfSetting setting = DecoyAttributes.KDF_SETTINGS.get(i);
            if (setting.memLimit() == decoy.memLimit() && setting.opsLimit() == decoy.opsLimit()) {
                return i;
            }
        }
        throw new AssertionError("not a listed setting: " + decoy);
    }

    private static String randomEmail() {
        return UUID.randomUUID() + "@example.org";
    }
}
