package dev.keyhole.viewer;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /web/settings}: the signed-in account's viewer preferences. Writes only the preferences. */
@RestController
class ViewerSettingsController {

    /** Each field null: left as it is. */
    record Update(
            @Nullable Double autoLockMinutes,
            @Nullable Integer clipboardClearSeconds,
            @Nullable Boolean hideCodes) {}

    private final ViewerSettingsService settings;

    ViewerSettingsController(ViewerSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/web/settings")
    ViewerSettings get(@AuthenticationPrincipal ViewerPrincipal viewer) {
        return settings.of(viewer.userId().value());
    }

    @PutMapping("/web/settings")
    ViewerSettings put(@AuthenticationPrincipal ViewerPrincipal viewer, @RequestBody Update update) {
        return settings.update(viewer.userId().value(), update);
    }
}
