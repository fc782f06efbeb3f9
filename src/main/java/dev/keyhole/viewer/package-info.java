/** The read-only web viewer: Vaadin routes that hand the encrypted vault to client-side elements. */
@NullMarked
package dev.keyhole.viewer;

import org.jspecify.annotations.NullMarked;
