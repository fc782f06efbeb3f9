package dev.keyhole.api;

import dev.keyhole.web.ApiException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Checks the fields of a request: present, binary ones in standard base64 (Ente's encoding for every
 * binary field but the token) and of the length their primitive produces. Each failure is a 400 that
 * names the field, thrown before anything is stored.
 */
public final class RequestFields {

    private RequestFields() {}

    /** The value, which must be present (and, for text, not empty). */
    public static <T> T required(@Nullable T value, String field) {
        if (value == null || (value instanceof String text && text.isEmpty())) {
            throw ApiException.badRequest("MISSING_FIELD", "The field " + field + " is required.");
        }
        return value;
    }

    public static byte[] base64(@Nullable String value, String field) {
        try {
            return Base64.getDecoder().decode(required(value, field));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "is not standard base64");
        }
    }

    public static byte[] base64(@Nullable String value, String field, int length) {
        byte[] bytes = base64(value, field);
        if (bytes.length != length) {
            throw invalid(field, "must be " + length + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    public static byte[] base64(@Nullable String value, String field, int minLength, int maxLength) {
        byte[] bytes = base64(value, field);
        if (bytes.length < minLength || bytes.length > maxLength) {
            throw invalid(field, "must be " + minLength + " to " + maxLength + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    public static ApiException invalid(String field, String problem) {
        return ApiException.badRequest("INVALID_FIELD", "The field " + field + " " + problem + ".");
    }
}
