/** The viewer's own storage; used only by {@code dev.keyhole.viewer}. */
@NullMarked
package dev.keyhole.viewer.internal;

import org.jspecify.annotations.NullMarked;
