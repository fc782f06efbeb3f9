package dev.keyhole.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/** The response headers every surface sends; applied by each filter chain so none can forget them. */
public final class SecurityHeaders {

    /**
     * As strict as Vaadin's production bundle allows. Vaadin's bootstrap page carries inline scripts and
     * styles ('unsafe-inline'), and Flow's client builds the functions the server sends with
     * {@code new Function} ('unsafe-eval'; upstream vaadin/flow#10810, without it no view renders);
     * 'wasm-unsafe-eval' lets libsodium run as WebAssembly rather than slow asm.js. Nothing is loaded from
     * another origin: scripts, icons and fonts are bundled, and connections go back to this server only.
     */
    public static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * Vaadin serves its pages through a forward to its own servlet, which commits the response in a way
     * that skips Spring Security's on-commit header writing; writing them before the chain runs is reliable.
     */
    private static final ObjectPostProcessor<HeaderWriterFilter> EAGERLY = new ObjectPostProcessor<>() {
        @Override
        public <O extends HeaderWriterFilter> O postProcess(O filter) {
            filter.setShouldWriteHeadersEagerly(true);
            return filter;
        }
    };

    private SecurityHeaders() {}

    public static Customizer<HeadersConfigurer<HttpSecurity>> strict() {
        return headers -> {
            headers.addObjectPostProcessor(EAGERLY);
            headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                    .contentTypeOptions(Customizer.withDefaults())
                    // "Never store" for every answer but the content-hashed bundle (HashedAssetCaching).
                    .cacheControl(HeadersConfigurer.CacheControlConfig::disable)
                    .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults()
                                    .matcher(HashedAssetCaching.PATH_PREFIX + "**")),
                            new CacheControlHeadersWriter()));
        };
    }
}
