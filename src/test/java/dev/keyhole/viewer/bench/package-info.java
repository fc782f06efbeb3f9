/** Benchmarks of the viewer, run on demand (see docs/benchmarks.md), never as part of the test suite. */
@NullMarked
package dev.keyhole.viewer.bench;

import org.jspecify.annotations.NullMarked;
