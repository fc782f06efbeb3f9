package dev.keyhole.viewer.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Vaadin's translations ({@code getTranslation} in a view) from the browser's catalogues, so that a view's
 * title and the few words a view writes itself come from the same files as the browser's texts.
 * Parameters are given as name, value pairs: {@code getTranslation("x.y", "count", "3")}.
 */
@Component
class CatalogueTranslations implements I18NProvider {

    private final Catalogues catalogues;

    CatalogueTranslations(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(Locale.ENGLISH, Locale.GERMAN, Locale.of("nl"));
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            parameters.put(String.valueOf(params[i]), String.valueOf(params[i + 1]));
        }
        return catalogues.text(locale.getLanguage(), key, parameters);
    }
}
