/** Cross-cutting HTTP concerns shared by every surface: the error shape, response headers, request limits. */
@NullMarked
package dev.keyhole.web;

import org.jspecify.annotations.NullMarked;
