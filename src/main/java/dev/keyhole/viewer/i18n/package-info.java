/**
 * The viewer's languages on the server: the browser's message catalogues read from the classpath (one
 * source for both sides), the language of a request, and what the server writes in it (page titles,
 * {@code <html lang>}, the too-old-browser and page-not-found pages). See ADR 0027.
 */
@NullMarked
package dev.keyhole.viewer.i18n;

import org.jspecify.annotations.NullMarked;
