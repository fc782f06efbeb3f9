package dev.keyhole.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The frontend bundle under {@code /VAADIN/build/} is named by content hash (Vite), so a file at a given
 * address never changes: browsers may keep it a year without asking again, and a second visit fetches only the
 * page and its data. Vaadin's static file server would say one hour ({@code StaticFileServer#getCacheTime});
 * its answer is rewritten here. Runs after Spring Security, whose headers skip these paths
 * ({@link SecurityHeaders}).
 */
@Component
@Order(0)
public class HashedAssetCaching extends OncePerRequestFilter {

    /** The bundle's files: public, the same for everyone, and never changed. */
    public static final String PATH_PREFIX = "/VAADIN/build/";

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PATH_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new ImmutableWhenCached(response));
    }

    /** Turns the static file server's cache lifetime (set only when it serves a file) into "immutable". */
    private static final class ImmutableWhenCached extends HttpServletResponseWrapper {

        ImmutableWhenCached(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, rewrite(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, rewrite(name, value));
        }

        private static String rewrite(String name, String value) {
            boolean servedWithALifetime = "Cache-Control".equalsIgnoreCase(name) && value.startsWith("max-age=");
            return servedWithALifetime && !value.equals("max-age=0") ? IMMUTABLE : value;
        }
    }
}
