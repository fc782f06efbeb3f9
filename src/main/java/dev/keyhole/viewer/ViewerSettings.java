package dev.keyhole.viewer;

/** The viewer's preferences as the browser reads and writes them, with the bounds the server accepts. */
record ViewerSettings(double autoLockMinutes, double minAutoLockMinutes, double maxAutoLockMinutes) {}
