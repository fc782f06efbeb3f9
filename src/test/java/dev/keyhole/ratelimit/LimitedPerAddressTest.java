package dev.keyhole.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaMethod;
import dev.keyhole.testing.ProductionClasses;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every per-address limit of the code base makes a valid bucket, and no two endpoints share one by mistake. */
class LimitedPerAddressTest {

    private static final List<LimitedPerAddress> LIMITED = ProductionClasses.imported().stream()
            .flatMap(type -> type.getMethods().stream())
            .filter(method -> method.isAnnotatedWith(LimitedPerAddress.class))
            .map(JavaMethod::reflect)
            .map(method -> method.getAnnotation(LimitedPerAddress.class))
            .toList();

    @Test
    void everyEndpointOpenBeforeSignInHasItsOwnValidBucket() {
        assertThat(LIMITED).hasSizeGreaterThanOrEqualTo(11);
        assertThat(LIMITED).extracting(LimitedPerAddress::value).doesNotHaveDuplicates();
        for (LimitedPerAddress limited : LIMITED) {
            new Limit("address:" + limited.value(), 1, Duration.ofSeconds(1), "CODE", "message");
        }
    }
}
