/**
 * An HTTP client for the Ente sync API, as Keyhole and Ente's own server speak it; wire records only.
 */
@NullMarked
package dev.keyhole.cli.client;

import org.jspecify.annotations.NullMarked;
