package dev.keyhole.cli.sync;

import dev.keyhole.crypto.CryptoException;
import dev.keyhole.crypto.Sodium;
import dev.keyhole.crypto.Streamed;
import dev.keyhole.otp.CodeDisplay;
import dev.keyhole.otp.InvalidOtpAuthUriException;
import dev.keyhole.otp.OtpAuthUri;
import dev.keyhole.otp.OtpCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An authenticator entity's plaintext as Ente writes it: a JSON string holding the otpauth URI, in one
 * secretstream chunk under the authenticator key. Older apps wrote {@code {rawData, display}} instead; it is read.
 */
public final class EntityCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] authenticatorKey;

    public EntityCodec(byte[] authenticatorKey) {
        this.authenticatorKey = authenticatorKey;
    }

    public Streamed encrypt(OtpCode code) {
        byte[] plaintext = JSON.writeValueAsString(OtpAuthUri.format(code)).getBytes(StandardCharsets.UTF_8);
        return Sodium.secretstreamEncrypt(plaintext, authenticatorKey);
    }

    /** @throws IllegalArgumentException with a short reason when the entity cannot be read */
    public OtpCode decrypt(String encryptedData, String header) {
        byte[] plaintext;
        try {
            plaintext = Sodium.secretstreamDecrypt(
                    Base64.getDecoder().decode(encryptedData),
                    Base64.getDecoder().decode(header),
                    authenticatorKey);
        } catch (CryptoException e) {
            throw new IllegalArgumentException("cannot be decrypted with this account's key");
        }
        try {
            JsonNode json = JSON.readTree(plaintext);
            if (json.isObject()) {
                return OtpAuthUri.parse(json.path("rawData").asString(""))
                        .withDisplay(CodeDisplay.fromJson(json.path("display")));
            }
            return OtpAuthUri.parse(json.asString(""));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("is not Ente's entity JSON");
        } catch (InvalidOtpAuthUriException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
