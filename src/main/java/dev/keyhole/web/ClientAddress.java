package dev.keyhole.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The client address that limits are keyed by: an IPv4 address as it is, an IPv6 address by its /64, the
 * smallest network a provider gives one customer (a single host rotates through its /64 at will, RFC 8981).
 * It is the servlet's remote address, which reflects X-Forwarded-For only from trusted proxies. Rate limits
 * and the anonymous-session caps both count by it.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String keyOf(@Nullable String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        InetAddress address;
        try {
            // A literal never goes to DNS: getByName only parses it.
            address = InetAddress.getByName(literal(remoteAddress));
        } catch (UnknownHostException | IllegalArgumentException | SecurityException e) {
            return "unparsed:" + remoteAddress;
        }
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address.getHostAddress();
    }

    /** Only an IP literal is looked at, so that no request can make the server resolve a name. */
    private static String literal(String value) {
        String trimmed = value.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        int zone = trimmed.indexOf('%');
        if (zone >= 0) {
            trimmed = trimmed.substring(0, zone);
        }
        boolean ipv4 = trimmed.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = trimmed.matches("[0-9A-Fa-f:.]+") && trimmed.contains(":");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("not an IP literal");
        }
        return trimmed;
    }
}
