package cn.gz.youcheng.base;

/**
 * Values that come from requests (usernames typed at sign-in, addresses) written into a log line so that
 * they cannot forge lines: control characters, line and paragraph separators and bidirectional controls
 * are escaped, and the value is cut to a bounded length.
 */
public final class LogSafe {

    private static final int MAX_LENGTH = 100;

    private LogSafe() {
    }

    public static String of(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder safe = new StringBuilder(Math.min(value.length(), MAX_LENGTH) + 2).append('\'');
        int shown = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (shown++ == MAX_LENGTH) {
                safe.append("…");
                break;
            }
            if (c == '\\' || c == '\'') {
                safe.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85
                    || Character.getType(c) == Character.FORMAT) {
                safe.append(String.format("\\u%04x", c));
            } else {
                safe.appendCodePoint(c);
            }
        }
        return safe.append('\'').toString();
    }
}
