package dev.keyhole.viewer;

/**
 * The viewer's preferences as the browser reads and writes them, with the bounds the server accepts.
 * {@code clipboardClearSeconds} 0 means a copied code stays on the clipboard.
 */
record ViewerSettings(
        double autoLockMinutes,
        double minAutoLockMinutes,
        double maxAutoLockMinutes,
        int clipboardClearSeconds,
        int maxClipboardClearSeconds,
        boolean hideCodes) {}
