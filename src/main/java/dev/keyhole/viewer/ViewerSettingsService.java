package dev.keyhole.viewer;

import dev.keyhole.viewer.internal.ViewerSettingsRepository;
import dev.keyhole.viewer.internal.ViewerSettingsRepository.Stored;
import dev.keyhole.web.ApiException;
import org.springframework.stereotype.Service;

/** Per-account viewer preferences. Not secret: a delay in whole seconds, a clipboard delay, a display mode. */
@Service
class ViewerSettingsService {

    /** Ten minutes: longer, and clearing the clipboard no longer protects much. */
    static final int MAX_CLIPBOARD_CLEAR_SECONDS = 600;

    private final ViewerSettingsRepository settings;
    private final ViewerProperties properties;

    ViewerSettingsService(ViewerSettingsRepository settings, ViewerProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    ViewerSettings of(long userId) {
        return view(settings.find(userId).orElse(Stored.DEFAULTS));
    }

    /** Changes the preferences the update names and keeps the others; nothing changes if one is out of bounds. */
    ViewerSettings update(long userId, ViewerSettingsController.Update update) {
        if (update.autoLockMinutes() == null && update.clipboardClearSeconds() == null && update.hideCodes() == null) {
            throw ApiException.badRequest("INVALID_SETTINGS", "Name at least one setting to change.");
        }
        Stored current = settings.find(userId).orElse(Stored.DEFAULTS);
        Stored changed = new Stored(
                update.autoLockMinutes() == null
                        ? current.autoLockSeconds()
                        : autoLockSeconds(update.autoLockMinutes()),
                update.clipboardClearSeconds() == null
                        ? current.clipboardClearSeconds()
                        : clipboardClearSeconds(update.clipboardClearSeconds()),
                update.hideCodes() == null ? current.hideCodes() : update.hideCodes());
        settings.save(userId, changed);
        return view(changed);
    }

    private Integer autoLockSeconds(double minutes) {
        if (!(minutes >= properties.minAutoLockMinutes()) || !(minutes <= properties.maxAutoLockMinutes())) {
            throw ApiException.badRequest(
                    "INVALID_AUTO_LOCK",
                    "autoLockMinutes must be between " + properties.minAutoLockMinutes() + " and "
                            + properties.maxAutoLockMinutes() + ".");
        }
        return (int) Math.max(1, Math.round(minutes * 60));
    }

    private static int clipboardClearSeconds(int seconds) {
        if (seconds < 0 || seconds > MAX_CLIPBOARD_CLEAR_SECONDS) {
            throw ApiException.badRequest(
                    "INVALID_CLIPBOARD_CLEAR",
                    "clipboardClearSeconds must be between 0 (never) and " + MAX_CLIPBOARD_CLEAR_SECONDS + ".");
        }
        return seconds;
    }

    private ViewerSettings view(Stored stored) {
        double autoLockMinutes = stored.autoLockSeconds() == null
                ? properties.defaultAutoLockMinutes()
                : stored.autoLockSeconds() / 60.0;
        return new ViewerSettings(
                autoLockMinutes,
                properties.minAutoLockMinutes(),
                properties.maxAutoLockMinutes(),
                stored.clipboardClearSeconds(),
                MAX_CLIPBOARD_CLEAR_SECONDS,
                stored.hideCodes());
    }
}
