package cn.gz.youcheng.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where a sign-in attempt came from, as the throttle counts and stores it: the servlet's remote address,
 * which is the direct peer unless a configured trusted proxy vouched for a forwarded one.
 * <ul>
 * <li>An IPv4 address is kept as it is.</li>
 * <li>An IPv6 address counts as its /64: one subscriber is routinely given a whole /64, so counting each
 * address apart would give an attacker 2⁶⁴ fresh addresses.</li>
 * <li>Anything else (a proxy could forward any text) is kept as a hash, so that no input can overflow the
 * column or forge a log line.</li>
 * </ul>
 */
public record ClientAddress(String value) {

    /** Literals only: anything else given to InetAddress would be looked up as a name. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    public static ClientAddress of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isEmpty()) {
            return new ClientAddress("unknown");
        }
        if (remoteAddress.length() <= 45
                && (IPV4.matcher(remoteAddress).matches() || IPV6.matcher(remoteAddress).matches())) {
            try {
                InetAddress address = InetAddress.getByName(remoteAddress);
                if (address instanceof Inet6Address) {
                    byte[] network = Arrays.copyOf(address.getAddress(), 16);
                    Arrays.fill(network, 8, 16, (byte) 0);
                    return new ClientAddress(InetAddress.getByAddress(network).getHostAddress() + "/64");
                }
                return new ClientAddress(address.getHostAddress());
            } catch (UnknownHostException notAnAddress) {
                // Falls through to the hash.
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(remoteAddress.getBytes(StandardCharsets.UTF_8));
            return new ClientAddress("sha256:" + HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
