package dev.keyhole.api;

import java.util.List;

/**
 * The sync API paths one feature serves, as a bean the API's filter chain collects: it claims every
 * feature's {@link #paths()}, opens their {@link #publicPaths()} and asks a token for the rest. So each
 * feature says which of its endpoints are open, and the chain names no feature's paths.
 */
public interface ApiRoutes {

    /** The path patterns the sync API's chain takes for this feature, public or not. */
    List<String> paths();

    /** The paths, among {@link #paths()}, that need no token; none unless the feature says so. */
    default List<String> publicPaths() {
        return List.of();
    }
}
