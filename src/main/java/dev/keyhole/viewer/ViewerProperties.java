package dev.keyhole.viewer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code keyhole.viewer.*}, documented in the repository's application.properties. */
@ConfigurationProperties("keyhole.viewer")
record ViewerProperties(
        @DefaultValue("15") double defaultAutoLockMinutes,
        @DefaultValue("1") double minAutoLockMinutes,
        @DefaultValue("1440") double maxAutoLockMinutes,
        @DefaultValue("10") double passkeyChangeWindowMinutes) {}
