package dev.keyhole.api;

import jakarta.servlet.Filter;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * How the sync API knows who calls: the feature that issues tokens provides this bean, and the API's
 * chain puts its filter before the anonymous one. A factory, not a filter bean, because a filter bean
 * would also run outside that chain, on every request.
 */
public interface ApiAuthentication {

    /**
     * A filter that authenticates a request, or leaves it anonymous; {@code contexts} is the strategy the
     * rest of the chain uses, which it must store the user in.
     */
    Filter filter(SecurityContextHolderStrategy contexts);
}
