package dev.keyhole.viewer;

import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two files a browser or a crawler asks a site for by name: robots.txt, which keeps every page of a
 * personal vault out of search engines, and the tab's icon. Open to anyone: neither says anything about
 * an account.
 */
@RestController
class SiteFilesController {

    static final String ROBOTS = "/robots.txt";
    static final String FAVICON = "/favicon.svg";

    private static final MediaType SVG = MediaType.valueOf("image/svg+xml");
    private static final Resource FAVICON_FILE = new ClassPathResource("site/favicon.svg");

    @GetMapping(value = ROBOTS, produces = MediaType.TEXT_PLAIN_VALUE)
    String robots() {
        return "User-agent: *\nDisallow: /\n";
    }

    @GetMapping(FAVICON)
    ResponseEntity<Resource> favicon() {
        return ResponseEntity.ok()
                .contentType(SVG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .body(FAVICON_FILE);
    }
}
