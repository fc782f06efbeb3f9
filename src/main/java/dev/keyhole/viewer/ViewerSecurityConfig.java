package dev.keyhole.viewer;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.keyhole.account.AccountSessions;
import dev.keyhole.viewer.i18n.Catalogues;
import dev.keyhole.web.ControllerPaths;
import dev.keyhole.web.JsonErrors;
import dev.keyhole.web.SecurityHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The browser surface: Vaadin routes and the viewer's JSON under {@code /web/**}, behind a session cookie.
 * Takes every request the sync API's chain did not match, so it is ordered last. The only ways in are
 * {@code POST /web/session} with a sync token the browser obtained by SRP and {@code POST
 * /web/passkeys/sign-in} with a verified passkey; there is no form login, and no authority here reaches an
 * endpoint that writes codes (the sync API ignores cookies altogether).
 */
@Configuration
class ViewerSecurityConfig {

    static final String LOGIN_PATH = "/login";
    private static final RequestMatcher WEB_JSON = pathPattern("/web/**");

    /** Shared with {@link WebSessionOpener}, which rotates the token when a session signs in. */
    @Bean
    CsrfTokenRepository viewerCsrfTokens() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain viewerFilterChain(
            HttpSecurity http,
            SecurityContextHolderStrategy vaadinStrategy,
            CsrfTokenRepository viewerCsrfTokens,
            NavigationAccessControl navigationAccessControl,
            RequestUtil vaadinRequests,
            AccountSessions accountSessions,
            Catalogues catalogues,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings)
            throws Exception {
        http.authorizeHttpRequests(
                requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                        .permitAll()
                        // The ways in: a sync token, or a passkey. Nothing else under /web/** is open.
                        .requestMatchers(
                                HttpMethod.POST,
                                WebSessionController.OPEN_PATH,
                                PasskeySignInController.OPTIONS_PATH,
                                PasskeySignInController.SIGN_IN_PATH,
                                // Signed in or not: a page asks before its key derivation (CSRF-checked).
                                PageSessionController.PATH)
                        .permitAll()
                        // Ente's "Passkeys" entry lands here; it only redirects to /settings.
                        .requestMatchers(HttpMethod.GET, PasskeysEntryController.PATH)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, SiteFilesController.ROBOTS, SiteFilesController.FAVICON)
                        .permitAll()
                        .requestMatchers(WEB_JSON)
                        .hasRole(ViewerPrincipal.ROLE));
        http.headers(SecurityHeaders.strict());
        http.csrf(csrf ->
                csrf.csrfTokenRepository(viewerCsrfTokens).csrfTokenRequestHandler(new LenientCsrfTokenHandler()));
        http.addFilterBefore(new EndedBrowserSessionFilter(accountSessions), SecurityContextHolderFilter.class);
        http.addFilterBefore(new MalformedVaadinRequestFilter(), CsrfFilter.class);
        http.addFilterBefore(
                new UnknownPageFilter(vaadinRequests, new ControllerPaths(mappings::getObject), catalogues),
                AuthorizationFilter.class);
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        (request, response, e) ->
                                JsonErrors.write(response, HttpStatus.UNAUTHORIZED, "NOT_SIGNED_IN", "Sign in first."),
                        WEB_JSON)
                .defaultAuthenticationEntryPointFor(toLogin(), AnyRequestMatcher.INSTANCE)
                .defaultAccessDeniedHandlerFor(
                        (request, response, e) ->
                                JsonErrors.write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Not allowed."),
                        WEB_JSON));
        // Spring's logout filter: invalidating the HTTP session destroys the key that wraps the tab's
        // stored master key, which makes that copy useless.
        http.logout(logout -> logout.logoutRequestMatcher(pathPattern(HttpMethod.POST, "/web/logout"))
                .logoutSuccessHandler(
                        (request, response, authentication) -> response.setStatus(HttpStatus.NO_CONTENT.value())));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {});
        // In-app navigation to a protected view without a session goes to sign-in too.
        navigationAccessControl.setLoginView(LOGIN_PATH);
        // Vaadin installs its session-aware strategy only after chains are built; filters created before
        // would keep the old one and see no user (Spring Security filters read the holder's strategy once,
        // when built: spring-projects/spring-security#13569; Vaadin's side: vaadin/flow#21401).
        SecurityContextHolder.setContextHolderStrategy(vaadinStrategy);
        return http.build();
    }

    /**
     * A relative {@code Location: /login} (Security 7's default, pinned here): an absolute one would be built
     * from the request's Host, which the client chooses.
     */
    private static LoginUrlAuthenticationEntryPoint toLogin() {
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint(LOGIN_PATH);
        toLogin.setFavorRelativeUris(true);
        return toLogin;
    }
}
