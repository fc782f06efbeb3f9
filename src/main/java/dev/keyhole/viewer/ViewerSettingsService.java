package dev.keyhole.viewer;

import dev.keyhole.viewer.internal.ViewerSettingsRepository;
import dev.keyhole.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Per-account viewer preferences. Not secret: a delay, stored in whole seconds. */
@Service
class ViewerSettingsService {

    private final ViewerSettingsRepository settings;
    private final ViewerProperties properties;

    ViewerSettingsService(ViewerSettingsRepository settings, ViewerProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    ViewerSettings of(long userId) {
        return view(settings.autoLockSeconds(userId)
                .map(seconds -> seconds / 60.0)
                .orElse(properties.defaultAutoLockMinutes()));
    }

    ViewerSettings update(long userId, @Nullable Double autoLockMinutes) {
        if (autoLockMinutes == null
                || !(autoLockMinutes >= properties.minAutoLockMinutes())
                || !(autoLockMinutes <= properties.maxAutoLockMinutes())) {
            throw ApiException.badRequest(
                    "INVALID_AUTO_LOCK",
                    "autoLockMinutes must be between " + properties.minAutoLockMinutes() + " and "
                            + properties.maxAutoLockMinutes() + ".");
        }
        int seconds = (int) Math.max(1, Math.round(autoLockMinutes * 60));
        settings.saveAutoLockSeconds(userId, seconds);
        return view(seconds / 60.0);
    }

    private ViewerSettings view(double autoLockMinutes) {
        return new ViewerSettings(autoLockMinutes, properties.minAutoLockMinutes(), properties.maxAutoLockMinutes());
    }
}
