package dev.keyhole.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The recovery setting binds from the properties file and from the environment variable the docs name. */
class PasskeyPropertiesTest {

    @Test
    void environmentVariableNamesTheAccountsSeparatedByCommas() {
        var environment = new SystemEnvironmentPropertySource(
                "systemEnvironment",
                Map.of("KEYHOLE_PASSKEYS_DISABLE_REQUIREMENT_FOR", "alice@example.com,bob@example.com"));

        assertThat(bind(environment).disableRequirementFor()).containsExactly("alice@example.com", "bob@example.com");
    }

    @Test
    void propertyNamesTheAccounts() {
        var file = new MapPropertySource(
                "application.properties", Map.of("keyhole.passkeys.disable-requirement-for", "alice@example.com"));

        assertThat(bind(file).disableRequirementFor()).containsExactly("alice@example.com");
    }

    @Test
    void withoutTheSettingNoAccountIsNamed() {
        assertThat(bind(new MapPropertySource("empty", Map.of())).disableRequirementFor())
                .isEmpty();
    }

    private static PasskeyProperties bind(org.springframework.core.env.PropertySource<?> source) {
        return new Binder(ConfigurationPropertySources.from(source))
                .bindOrCreate("keyhole.passkeys", PasskeyProperties.class);
    }
}
