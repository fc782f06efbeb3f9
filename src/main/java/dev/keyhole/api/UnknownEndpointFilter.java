package dev.keyhole.api;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import dev.keyhole.web.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Answers a sync API path that no controller serves with a JSON 404, before the token check, as Ente's
 * server does: otherwise the request fell through to Vaadin, whose page came back as a 200 that Ente's
 * apps took for success (an email "changed", a recovery key "stored"). Which paths exist is read from
 * Spring MVC's own mappings, so every endpoint a feature adds is known without a list; a served path
 * with another method goes on to the controllers, which answer 405.
 */
final class UnknownEndpointFilter extends OncePerRequestFilter {

    private final Supplier<List<RequestMatcher>> served;

    UnknownEndpointFilter(Supplier<RequestMappingHandlerMapping> mappings) {
        // Read on first use: the mappings are complete only once the application has started.
        this.served = SingletonSupplier.of(() -> mappings.get().getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .distinct()
                .<RequestMatcher>map(pattern -> pathPattern(pattern))
                .toList());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (served.get().stream().anyMatch(matcher -> matcher.matches(request))) {
            chain.doFilter(request, response);
            return;
        }
        JsonErrors.write(response, HttpStatus.NOT_FOUND, "NOT_FOUND", "No such endpoint.");
    }
}
