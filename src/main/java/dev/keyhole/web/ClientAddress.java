package dev.keyhole.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Who a per-client limit counts a request against: its IPv4 address, or the /64 network of its IPv6
 * address, because one IPv6 host is usually handed a whole /64 and can pick a new address for each request.
 */
final class ClientAddress {

    private static final int IPV6_NETWORK_BYTES = 8;

    private ClientAddress() {}

    /** {@code remoteAddr} as the servlet container reports it (an address literal, never a name). */
    static String of(String remoteAddr) {
        if (remoteAddr.indexOf(':') < 0) {
            return remoteAddr;
        }
        try {
            // A literal with a colon is parsed as IPv6, never looked up in DNS.
            InetAddress address = InetAddress.getByName(remoteAddr);
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress();
            }
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, IPV6_NETWORK_BYTES, network.length, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return remoteAddr;
        }
    }
}
