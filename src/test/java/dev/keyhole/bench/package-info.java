/** Benchmarks of the whole server (start-up), run on demand (see docs/benchmarks.md), never in the test suite. */
@NullMarked
package dev.keyhole.bench;

import org.jspecify.annotations.NullMarked;
