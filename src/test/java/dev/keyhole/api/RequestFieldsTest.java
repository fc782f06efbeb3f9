package dev.keyhole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.web.ApiException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RequestFieldsTest {

    @Test
    void standardBase64OfTheRightLengthIsDecoded() {
        assertThat(RequestFields.base64(Base64.getEncoder().encodeToString(new byte[24]), "header", 24))
                .hasSize(24);
    }

    @Test
    void urlSafeCharactersWhitespaceAndWrongLengthsAreRefusedNamingTheField() {
        for (String bad : new String[] {"ab-_", "YWJj ZGVm", Base64.getEncoder().encodeToString(new byte[23])}) {
            assertThatThrownBy(() -> RequestFields.base64(bad, "header", 24))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("header")
                    .extracting(e -> ((ApiException) e).toError().code())
                    .isEqualTo("INVALID_FIELD");
        }
    }

    @Test
    void nullAndEmptyAreMissing() {
        for (String missing : new String[] {null, ""}) {
            assertThatThrownBy(() -> RequestFields.base64(missing, "srpA"))
                    .isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).toError().code())
                    .isEqualTo("MISSING_FIELD");
        }
    }
}
