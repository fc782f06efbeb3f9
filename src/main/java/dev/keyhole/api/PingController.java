package dev.keyhole.api;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ente clients check that a custom server is one of theirs with {@code GET /ping}. */
@RestController
class PingController {

    @GetMapping("/ping")
    Map<String, String> ping() {
        return Map.of("message", "pong");
    }
}
