@NullMarked
package dev.keyhole.viewer.ui;

import org.jspecify.annotations.NullMarked;
