package dev.keyhole.account;

import dev.keyhole.web.JsonErrors;
import dev.keyhole.web.SecurityHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The sync API's filter chain: token authentication, stateless, no CSRF (no cookies are involved), no
 * CORS (same origin only), strict headers and no caching. It claims only the sync paths, first, so that
 * the web viewer's chain can take everything else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

    /**
     * The sign-in steps. The passkey second factor's come after a password check that issued no token yet;
     * each needs the pending session's id, and finish a passkey of that account.
     */
    static final String[] PUBLIC_PATHS = {
        "/ping",
        "/users/ott",
        "/users/verify-email",
        "/users/srp/attributes",
        "/users/srp/create-session",
        "/users/srp/verify-session",
        "/users/two-factor/passkeys/begin",
        "/users/two-factor/passkeys/finish",
        "/users/two-factor/passkeys/get-token"
    };

    @Bean
    @Order(1)
    SecurityFilterChain syncApiSecurity(
            HttpSecurity http, TokenService tokens, ObjectProvider<SecurityContextHolderStrategy> strategyBean)
            throws Exception {
        // The same strategy that HttpSecurity hands this chain's own filters: the application's bean
        // (Vaadin's, which the viewer's chain installs) when there is one, else the global default.
        SecurityContextHolderStrategy contexts =
                strategyBean.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        return http.securityMatcher("/users/**", "/authenticator/**", "/ping")
                .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new TokenAuthenticationFilter(tokens, contexts), AnonymousAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(SecurityHeaders.strict())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> JsonErrors.write(
                                response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "A valid X-Auth-Token is required."))
                        .accessDeniedHandler((request, response, e) -> JsonErrors.write(
                                response, HttpStatus.FORBIDDEN, "FORBIDDEN", "This token may not do that.")))
                .build();
    }
}
