package dev.keyhole.account;

import dev.keyhole.web.ApiException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Emails as Ente compares them: trimmed and lower-cased. */
final class Emails {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+");

    private Emails() {}

    static String normalise(@Nullable String raw) {
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw ApiException.badRequest("MISSING_FIELD", "The field email is required.");
        }
        if (email.length() > 254 || !SHAPE.matcher(email).matches()) {
            throw ApiException.badRequest("INVALID_EMAIL", "This is not an email address.");
        }
        return email;
    }
}
