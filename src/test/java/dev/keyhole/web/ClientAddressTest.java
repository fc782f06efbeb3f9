package dev.keyhole.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void keyOfWhenIpv4ThenTheAddressItself() {
        assertThat(ClientAddress.keyOf("127.0.0.2")).isEqualTo("127.0.0.2");
        assertThat(ClientAddress.keyOf("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddress.keyOf("203.0.113.9")).isNotEqualTo(ClientAddress.keyOf("203.0.113.10"));
    }

    @Test
    void keyOfWhenIpv6ThenItsSlash64SoOneHostCannotRotateThroughIt() {
        String key = ClientAddress.keyOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd");

        assertThat(key).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.keyOf("[2001:db8:1:2::1%eth0]")).isEqualTo(key);
        assertThat(ClientAddress.keyOf("2001:db8:1:3::1")).isNotEqualTo(key);
    }

    @Test
    void keyOfWhenNotAnIpLiteralThenKeptApartAndNeverLookedUp() {
        assertThat(ClientAddress.keyOf("beef.cafe")).isEqualTo("unparsed:beef.cafe");
        assertThat(ClientAddress.keyOf("localhost")).isEqualTo("unparsed:localhost");
        assertThat(ClientAddress.keyOf(null)).isEqualTo("unknown");
        assertThat(ClientAddress.keyOf(" ")).isEqualTo("unknown");
    }
}
