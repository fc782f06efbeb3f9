package dev.keyhole.viewer;

import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.keyhole.viewer.i18n.Catalogues;
import dev.keyhole.viewer.i18n.RequestLanguage;
import dev.keyhole.web.ControllerPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * A page address that is no view (a mistyped {@code /codez}, {@code /settings/x}) gets a plain 404 page in
 * the request's language, signed in or not. Vaadin's security otherwise denies such a path like a forbidden one: a redirect to
 * sign-in, or after it a 403 in JSON. Only page loads are answered here; Vaadin's own requests, its
 * static files, the pages Spring MVC controllers serve (read from its mappings, so a new one is known
 * without a list) and the viewer's JSON under {@code /web/**} go on as before.
 */
final class UnknownPageFilter extends OncePerRequestFilter {

    private static final String PAGE = """
            <!doctype html>
            <html lang="%s"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%s</title>
            <link rel="icon" href="/favicon.svg">
            <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}</style>
            </head><body>
            <h1>%s</h1>
            <p>%s <a href="/codes">%s</a>.</p>
            </body></html>
            """;

    private final RequestUtil vaadin;
    private final RequestMatcher vaadinStaticFiles;
    private final ControllerPaths controllerPaths;
    private final Catalogues catalogues;

    UnknownPageFilter(RequestUtil vaadin, ControllerPaths controllerPaths, Catalogues catalogues) {
        this.vaadin = vaadin;
        // Vaadin's files under its servlet mapping, and those it serves from the root whatever the mapping
        // (HandlerHelper's public resources): answering one of them with this page breaks every view, as
        // /lumo/lumo.css once did.
        this.vaadinStaticFiles = new OrRequestMatcher(
                VaadinSecurityConfigurer.getDefaultHttpSecurityPermitMatcher(vaadin.getUrlMapping()),
                new OrRequestMatcher(RequestUtil.antMatchers(HandlerHelper.getPublicResourcesRoot())));
        this.controllerPaths = controllerPaths;
        this.catalogues = catalogues;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !(HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method))
                || request.getRequestURI().startsWith("/web/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isKnown(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        byte[] page = page(RequestLanguage.of(request)).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        if (HttpMethod.GET.matches(request.getMethod())) {
            response.getOutputStream().write(page);
        }
    }

    /** The page in the request's language, from the same catalogues as the viewer's (namespace shell). */
    String page(String language) {
        return PAGE.formatted(
                language,
                text(language, "notFoundTitle"),
                text(language, "notFoundHeading"),
                text(language, "notFoundText"),
                text(language, "notFoundLink"));
    }

    private String text(String language, String key) {
        return HtmlUtils.htmlEscape(catalogues.text(language, "shell." + key), StandardCharsets.UTF_8.name());
    }

    private boolean isKnown(HttpServletRequest request) {
        return vaadin.isFrameworkInternalRequest(request)
                || vaadin.isAnonymousRoute(request)
                || vaadin.isSecuredFlowRoute(request)
                || vaadinStaticFiles.matches(request)
                || controllerPaths.serve(request)
                || request.getRequestURI().equals("/error")
                || request.getRequestURI().startsWith("/actuator/");
    }
}
