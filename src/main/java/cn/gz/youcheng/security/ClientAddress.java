package cn.gz.youcheng.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The address a request came from, as the throttle counts and stores it. It is the servlet's remote address,
 * which is the direct peer unless a configured trusted proxy vouched for a forwarded one. An IPv4 or IPv6
 * literal is kept as it is; anything else (a proxy could forward any text) is kept as a hash, so that no
 * input can overflow the column or forge a log line.
 */
public record ClientAddress(String value) {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    public static ClientAddress of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isEmpty()) {
            return new ClientAddress("unknown");
        }
        if (IP_LITERAL.matcher(remoteAddress).matches()) {
            return new ClientAddress(remoteAddress);
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
