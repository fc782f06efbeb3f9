package dev.keyhole.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every redirect to a path of this server stays a relative {@code Location}, whoever asks. Tomcat keeps it
 * relative for HTTP/1.1 ({@code server.tomcat.use-relative-redirects}), but for HTTP/1.0, which nginx speaks
 * to its upstream by default, it builds an absolute URL from the client's {@code Host} header: a cache in
 * front would then hand a redirect to the attacker's host to everyone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RelativeRedirects extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new PathRedirects(response));
    }

    /** A path on this server; {@code //host} and {@code /\host} are other hosts to a browser. */
    static boolean isPath(String location) {
        return location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\");
    }

    private static final class PathRedirects extends HttpServletResponseWrapper {

        PathRedirects(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            sendRedirect(location, SC_FOUND, true);
        }

        @Override
        public void sendRedirect(String location, boolean clearBuffer) throws IOException {
            sendRedirect(location, SC_FOUND, clearBuffer);
        }

        @Override
        public void sendRedirect(String location, int status) throws IOException {
            sendRedirect(location, status, true);
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
            if (!isPath(location)) {
                super.sendRedirect(location, status, clearBuffer);
                return;
            }
            if (isCommitted()) {
                throw new IllegalStateException("Cannot redirect: the response is already committed");
            }
            if (clearBuffer) {
                resetBuffer();
            }
            setStatus(status);
            setHeader(HttpHeaders.LOCATION, location);
            // sendRedirect commits the response; nothing written after it may change the answer.
            flushBuffer();
        }
    }
}
