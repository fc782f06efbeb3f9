package dev.keyhole.viewer;

import dev.keyhole.testing.ServerCase;

/** Base of the viewer's tests that need no browser: only HTTP, with the settings of the viewer's browser tests. */
@ViewerTestSettings
public abstract class ViewerServerCase extends ServerCase {}
