package dev.keyhole.api;

import dev.keyhole.web.ControllerPaths;
import dev.keyhole.web.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a sync API path that no controller serves with a JSON 404, before the token check, as Ente's
 * server does: otherwise the request fell through to Vaadin, whose page came back as a 200 that Ente's
 * apps took for success (an email "changed", a recovery key "stored"). Which paths exist is read from
 * Spring MVC's own mappings, so every endpoint a feature adds is known without a list; a served path
 * with another method goes on to the controllers, which answer 405.
 */
final class UnknownEndpointFilter extends OncePerRequestFilter {

    private final ControllerPaths served;

    UnknownEndpointFilter(ControllerPaths served) {
        this.served = served;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (served.serve(request)) {
            chain.doFilter(request, response);
            return;
        }
        JsonErrors.write(response, HttpStatus.NOT_FOUND, "NOT_FOUND", "No such endpoint.");
    }
}
