package dev.keyhole.viewer;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.keyhole.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The browser surface: Vaadin routes and the viewer's session-authenticated JSON, behind a session
 * cookie. Takes every request the sync API's chain did not match, so it is ordered last.
 */
@Configuration
class ViewerSecurityConfig {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain viewerFilterChain(HttpSecurity http, SecurityContextHolderStrategy vaadinStrategy)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll());
        http.headers(SecurityHeaders.strict());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
        });
        // Vaadin installs its session-aware strategy only after chains are built; filters created before
        // would keep the old one and see no user. Install it first (see shared/reference/stack.md).
        SecurityContextHolder.setContextHolderStrategy(vaadinStrategy);
        return http.build();
    }
}
