package dev.keyhole.web;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The paths Spring MVC's controllers serve, whatever the method, read from its own mappings: filters that
 * answer "no such page" or "no such endpoint" know every path a feature adds without keeping a list.
 */
public final class ControllerPaths {

    private final Supplier<List<RequestMatcher>> served;

    public ControllerPaths(Supplier<RequestMappingHandlerMapping> mappings) {
        // Read on first use: the mappings are complete only once the application has started.
        this.served = SingletonSupplier.of(() -> mappings.get().getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .distinct()
                .<RequestMatcher>map(pattern -> pathPattern(pattern))
                .toList());
    }

    public boolean serve(HttpServletRequest request) {
        return served.get().stream().anyMatch(matcher -> matcher.matches(request));
    }
}
