package dev.keyhole.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KdfLimitsTest {

    private static final long MIB = 1024L * 1024;

    @ParameterizedTest
    @CsvSource({"256, 16", "128, 32", "1024, 4", "512, 8", "256, 17", "2048, 4"})
    void parametersOfEnteClientsOrStrongerAreAccepted(long memMib, long ops) {
        assertThatCode(() -> KdfLimits.check(memMib * MIB, ops)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"64, 2", "64, 64", "127, 64", "256, 15", "128, 31", "1024, 3", "256, 0", "256, -16"})
    void weakerParametersAreRefused(long memMib, long ops) {
        assertThatThrownBy(() -> KdfLimits.check(memMib * MIB, ops))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).toError().code())
                .isEqualTo("WEAK_KDF_PARAMETERS");
    }

    @Test
    void valuesBeyondLibsodiumsRangeAreRefusedWithoutOverflow() {
        assertThatThrownBy(() -> KdfLimits.check(Long.MAX_VALUE, Long.MAX_VALUE))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> KdfLimits.check(256 * MIB, 1L << 40)).isInstanceOf(ApiException.class);
    }

    @Test
    void missingParametersAreRefused() {
        assertThatThrownBy(() -> KdfLimits.check(null, 16L))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).toError().code())
                .isEqualTo("MISSING_FIELD");
    }
}
