package dev.keyhole.viewer.i18n;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page the viewer serves speaks the request's language ({@link RequestLanguage}) from its first
 * byte: {@code <html lang>} for screen readers and the browser's own widgets, the UI's locale for the
 * views' titles, and the texts of the page that frontend/index.html shows a browser too old to run the
 * app (a classic script that cannot import the catalogues, so the server hands it its words as JSON), and
 * Vaadin's own system messages.
 */
@Component
class PageLanguage implements VaadinServiceInitListener {

    /** Where frontend/index.html's too-old-browser script finds its texts. */
    static final String UNSUPPORTED_TEXT_ID = "keyhole-unsupported-text";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Catalogues catalogues;

    PageLanguage(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(init -> init.getUI().setLocale(Locale.of(language(VaadinRequest.getCurrent()))));
        event.getSource().setSystemMessagesProvider(info -> systemMessages(language(info.getRequest())));
        event.addIndexHtmlRequestListener(response -> {
            String language = language(response.getVaadinRequest());
            Document page = response.getDocument();
            page.getElementsByTag("html").attr("lang", language);
            page.head()
                    .appendElement("script")
                    .attr("type", "application/json")
                    .id(UNSUPPORTED_TEXT_ID)
                    .appendChild(new DataNode(unsupportedTexts(language)));
        });
    }

    /** What Vaadin itself may show: a failure it cannot recover from, an expired session, no cookies. */
    private CustomizedSystemMessages systemMessages(String language) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        String reload = catalogues.text(language, "shell.reloadHint");
        messages.setInternalErrorCaption(catalogues.text(language, "shell.errorCaption"));
        messages.setInternalErrorMessage(reload);
        messages.setSessionExpiredCaption(catalogues.text(language, "shell.sessionExpiredCaption"));
        messages.setSessionExpiredMessage(reload);
        messages.setCookiesDisabledCaption(catalogues.text(language, "shell.cookiesOffCaption"));
        messages.setCookiesDisabledMessage(catalogues.text(language, "shell.cookiesOffMessage"));
        return messages;
    }

    private String unsupportedTexts(String language) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", catalogues.text(language, "shell.unsupportedTitle"));
        texts.put("heading", catalogues.text(language, "shell.unsupportedHeading"));
        texts.put("why", catalogues.text(language, "shell.unsupportedWhy"));
        texts.put("whatNow", catalogues.text(language, "shell.unsupportedWhatNow"));
        // Inside a script element, "</" could end it early: JSON allows the escaped slash.
        return JSON.writeValueAsString(texts).replace("</", "<\\/");
    }

    private static String language(@Nullable VaadinRequest request) {
        if (request instanceof VaadinServletRequest servlet) {
            return RequestLanguage.of(servlet.getHttpServletRequest());
        }
        return Catalogues.ENGLISH;
    }
}
