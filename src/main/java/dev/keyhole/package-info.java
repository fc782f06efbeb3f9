@NullMarked
package dev.keyhole;

import org.jspecify.annotations.NullMarked;
