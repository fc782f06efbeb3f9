package dev.keyhole.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelativeRedirectsTest {

    @Test
    void pathOnThisServerThenKeptRelative() {
        assertThat(RelativeRedirects.isPath("/login")).isTrue();
        assertThat(RelativeRedirects.isPath("/codes?q=github")).isTrue();
    }

    @Test
    void anotherHostInAnyFormThenLeftToTheContainer() {
        assertThat(RelativeRedirects.isPath("https://evil.example/login")).isFalse();
        assertThat(RelativeRedirects.isPath("//evil.example/login")).isFalse();
        assertThat(RelativeRedirects.isPath("/\\evil.example/login")).isFalse();
        assertThat(RelativeRedirects.isPath("login")).isFalse();
    }
}
