package dev.keyhole.api;

import dev.keyhole.web.ControllerPaths;
import dev.keyhole.web.JsonErrors;
import dev.keyhole.web.SecurityHeaders;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
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
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The sync API's filter chain: token authentication, stateless, no CSRF (no cookies are involved), CORS
 * for the {@link WebAppOrigins}, strict headers and no caching. It claims only the paths the features
 * declare as {@link ApiRoutes}, first, so that the web viewer's chain can take everything else; there,
 * as on Ente's server, bodies are JSON whatever their label and a path no controller serves is a JSON
 * 404. A declared public path is open, every other one needs the token that {@link ApiAuthentication}
 * checks.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain syncApiSecurity(
            HttpSecurity http,
            List<ApiRoutes> routes,
            ApiAuthentication authentication,
            WebAppOrigins origins,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings,
            ObjectProvider<SecurityContextHolderStrategy> strategyBean)
            throws Exception {
        // The same strategy that HttpSecurity hands this chain's own filters: the application's bean
        // (Vaadin's, which the viewer's chain installs) when there is one, else the global default.
        SecurityContextHolderStrategy contexts =
                strategyBean.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        String[] paths = distinct(routes.stream().flatMap(route -> route.paths().stream()));
        String[] publicPaths = distinct(routes.stream().flatMap(route -> route.publicPaths().stream()));
        return http.securityMatcher(paths)
                .authorizeHttpRequests(requests -> {
                    if (publicPaths.length > 0) {
                        requests.requestMatchers(publicPaths).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                // Before the token check, so that preflights, unknown paths and refusals all carry CORS headers.
                .addFilterBefore(new ApiCorsFilter(origins), CorsFilter.class)
                .addFilterBefore(new JsonBodyFilter(), CsrfFilter.class)
                .addFilterBefore(
                        new UnknownEndpointFilter(new ControllerPaths(mappings::getObject)), LogoutFilter.class)
                .addFilterBefore(authentication.filter(contexts), AnonymousAuthenticationFilter.class)
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

    private static String[] distinct(Stream<String> paths) {
        return paths.distinct().toArray(String[]::new);
    }
}
