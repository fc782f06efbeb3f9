/**
 * The authenticator vault as a sync client sees it: the wrapped authenticator key and encrypted entities.
 */
@NullMarked
package dev.keyhole.cli.sync;

import org.jspecify.annotations.NullMarked;
