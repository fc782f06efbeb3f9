package dev.keyhole;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code keyhole.*} setting, bound once. Each key is documented where it is set, in the
 * repository's {@code application.properties}.
 */
@ConfigurationProperties("keyhole")
public record KeyholeProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue Registration registration,
        @DefaultValue Ott ott,
        @DefaultValue Limits limits) {

    public record Registration(@DefaultValue("true") boolean enabled) {}

    /** Fixed email codes for a test domain: both set, or the feature is off. */
    public record Ott(
            @Nullable String fixedDomain, @Nullable String fixedCode) {

        public boolean fixedCodesEnabled() {
            return fixedDomain != null && !fixedDomain.isBlank() && fixedCode != null && !fixedCode.isBlank();
        }
    }

    public record Limits(
            @DefaultValue("1048576") long maxRequestBytes,
            @DefaultValue PerAddress perAddress,
            @DefaultValue PerAccount perAccount) {}

    /** Each endpoint open before sign-in, per client address: a burst, then one request per refill. */
    public record PerAddress(
            @DefaultValue("10") int burst,
            @DefaultValue("60s") Duration refill,
            @DefaultValue("30") int pollingBurst,
            @DefaultValue("1s") Duration pollingRefill) {}

    /** Ente's per-account limits, counted per account and client address. */
    public record PerAccount(
            @DefaultValue("10") int signInSessionsPerHour,
            @DefaultValue("10") int emailedCodesPerHour) {}
}
