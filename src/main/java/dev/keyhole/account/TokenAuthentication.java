package dev.keyhole.account;

import dev.keyhole.api.ApiAuthentication;
import jakarta.servlet.Filter;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** The sync API authenticates by account's tokens. */
@Component
class TokenAuthentication implements ApiAuthentication {

    private final TokenService tokens;

    TokenAuthentication(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Filter filter(SecurityContextHolderStrategy contexts) {
        return new TokenAuthenticationFilter(tokens, contexts);
    }
}
