/**
 * The sync API's shared ground, which every feature serving it builds on: its security filter chain (each
 * feature declares its own paths with {@link dev.keyhole.api.ApiRoutes}, and the token check comes from
 * an {@link dev.keyhole.api.ApiAuthentication}), request-field checks, Ente's microsecond timestamps and
 * the application's clock.
 */
@NullMarked
package dev.keyhole.api;

import org.jspecify.annotations.NullMarked;
