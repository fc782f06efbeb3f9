package dev.keyhole.viewer.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The language a request is answered in, by the browser's rule (frontend/i18n/i18n.ts): the choice the
 * person made (the {@code keyhole-language} cookie that setLanguage writes), else the first of the
 * browser's languages ({@code Accept-Language}, by weight) the viewer speaks, else English.
 */
public final class RequestLanguage {

    public static final String COOKIE = "keyhole-language";

    private RequestLanguage() {}

    public static String of(HttpServletRequest request) {
        String chosen = null;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    chosen = cookie.getValue();
                }
            }
        }
        return of(chosen, request.getHeader("Accept-Language"));
    }

    public static String of(@Nullable String cookie, @Nullable String acceptLanguage) {
        if (cookie != null && Catalogues.LANGUAGES.contains(cookie)) {
            return cookie;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String primary = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (range.getWeight() > 0 && Catalogues.LANGUAGES.contains(primary)) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // A header no browser sends: English, as for none.
            }
        }
        return Catalogues.ENGLISH;
    }
}
