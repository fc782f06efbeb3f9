package dev.keyhole.viewer.shell;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The contrast ratio (WCAG 2) of every enabled, visible button and link on the page, shadow roots included,
 * between its text colour and the background it is drawn on, translucent layers composited up to the page.
 * axe leaves such text "incomplete" (it cannot tell the background through shadow roots and translucent
 * tints), which is how the passkey buttons' 4.41:1 went unflagged.
 */
final class Contrast {

    /** One control: its text, where it is (host elements, then its own tag), and its ratio. */
    record Control(String text, String where, double ratio) {

        @Override
        public String toString() {
            return "\"" + text + "\" " + where + String.format(" %.2f:1", ratio);
        }
    }

    private static final String MEASURE = """
            // Lumo's colours compute to oklch() and color-mix(): a canvas turns any CSS colour into sRGB bytes.
            const paint = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
            const rgba = colour => {
              paint.clearRect(0, 0, 1, 1);
              paint.fillStyle = '#000';
              paint.fillStyle = colour;
              paint.fillRect(0, 0, 1, 1);
              const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data;
              return [r, g, b, a / 255];
            };
            const parent = element => element.parentElement ?? element.getRootNode().host ?? null;
            const canvas = () => {
              const page = rgba(getComputedStyle(document.documentElement).backgroundColor);
              if (page[3] > 0) return page;
              return getComputedStyle(document.documentElement).colorScheme === 'dark' ? [18, 18, 18, 1] : [255, 255, 255, 1];
            };
            const background = element => {
              const layers = [];
              for (let e = element; e; e = parent(e)) {
                const c = rgba(getComputedStyle(e).backgroundColor);
                if (c[3] > 0) layers.push(c);
                if (c[3] >= 1) break;
              }
              let [r, g, b] = layers.length && layers[layers.length - 1][3] >= 1 ? layers.pop() : canvas();
              for (const [lr, lg, lb, a] of layers.reverse()) { r = lr * a + r * (1 - a); g = lg * a + g * (1 - a); b = lb * a + b * (1 - a); }
              return [r, g, b];
            };
            const luminance = rgb => rgb.map(c => c / 255).map(c => c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
                .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
            const all = [];
            const walk = root => root.querySelectorAll('*').forEach(e => {
              if (e.matches('button, a[href]')) all.push(e);
              if (e.shadowRoot) walk(e.shadowRoot);
            });
            walk(document);
            return all.filter(e => !e.disabled && e.checkVisibility() && e.textContent.trim()).map(e => {
              const back = background(e);
              const [fr, fg, fb, fa] = rgba(getComputedStyle(e).color);
              const fore = [fr * fa + back[0] * (1 - fa), fg * fa + back[1] * (1 - fa), fb * fa + back[2] * (1 - fa)];
              const [hi, lo] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
              const hosts = []; for (let n = e.getRootNode(); n.host; n = n.host.getRootNode()) hosts.unshift(n.host.localName);
              return {text: e.textContent.trim().replace(/\\s+/g, ' '), where: [...hosts, e.localName].join(' > '), ratio: (hi + 0.05) / (lo + 0.05)};
            });
            """;

    private Contrast() {}

    @SuppressWarnings("unchecked")
    static List<Control> controls(JavascriptExecutor browser) {
        List<Map<String, Object>> raw = (List<Map<String, Object>>) browser.executeScript(MEASURE);
        return raw.stream()
                .map(c -> new Control(
                        (String) c.get("text"), (String) c.get("where"), ((Number) c.get("ratio")).doubleValue()))
                .toList();
    }
}
