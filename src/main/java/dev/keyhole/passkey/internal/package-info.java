@NullMarked
package dev.keyhole.passkey.internal;

import org.jspecify.annotations.NullMarked;
