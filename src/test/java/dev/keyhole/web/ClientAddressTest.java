package dev.keyhole.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void ofWhenIpv4ThenTheAddressItself() {
        assertThat(ClientAddress.of("127.0.0.2")).isEqualTo("127.0.0.2");
        assertThat(ClientAddress.of("203.0.113.9")).isNotEqualTo(ClientAddress.of("203.0.113.10"));
    }

    @Test
    void ofWhenIpv6ThenItsSlash64SoOneHostCannotRotateAddresses() {
        assertThat(ClientAddress.of("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ClientAddress.of("2001:db8:1:2:ffff:eeee:dddd:cccc"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::1"));
    }

    @Test
    void ofWhenIpv4MappedIpv6ThenTheIpv4Address() {
        assertThat(ClientAddress.of("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void ofWhenNotAnAddressLiteralThenItIsKeptAsIsAndNeverLookedUp() {
        assertThat(ClientAddress.of("not:an:address.example")).isEqualTo("not:an:address.example");
    }
}
