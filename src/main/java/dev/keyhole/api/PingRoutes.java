package dev.keyhole.api;

import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /ping} is open: clients call it before anyone signs in. */
@Component
class PingRoutes implements ApiRoutes {

    @Override
    public List<String> paths() {
        return List.of("/ping");
    }

    @Override
    public List<String> publicPaths() {
        return List.of("/ping");
    }
}
