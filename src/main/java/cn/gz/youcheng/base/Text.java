package cn.gz.youcheng.base;

import org.jspecify.annotations.Nullable;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for free text in the registry (names, places, sources, reasons, notes): Unicode NFC, line breaks
 * as {@code \n}, no whitespace at either end, no control characters, and line breaks only where a field holds
 * paragraphs (reasons and internal notes). Services and the import apply it before anything is saved; the
 * database checks the same (V9), so that a row written by any other path cannot break it either; writers
 * still put every value on one line ({@link #oneLine}), so that no row could break a record of theirs.
 */
public final class Text {

    /** Whether a field holds one line (a name) or paragraphs (a reason, a note). */
    public enum Shape {
        LINE, PARAGRAPHS
    }

    /**
     * C0 and C1 controls, DEL, the line and paragraph separators, bidirectional overrides and isolates, and the
     * invisible zero-width space, word joiner and byte order mark (two names that look the same must be the
     * same). Joiners that scripts need (U+200C, U+200D) and the bidirectional marks are allowed.
     */
    private static final Pattern CONTROL = Pattern.compile(
            "[\\x00-\\x1F\\x7F-\\x9F\\u200B\\u2028\\u2029\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF]");
    private static final Pattern CONTROL_BUT_LINE_BREAK = Pattern.compile(
            "[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F\\u200B\\u2028\\u2029\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF]");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n?|\n|\u0085");

    private Text() {
    }

    /** NFC, line breaks as {@code \n}, stripped. Nothing is removed. */
    public static String clean(String value) {
        return LINE_BREAK.matcher(Normalizer.normalize(value, Normalizer.Form.NFC)).replaceAll("\n").strip();
    }

    /** The value as it is saved: {@linkplain #clean cleaned}, and null when nothing is left. */
    public static @Nullable String stored(@Nullable String value) {
        String cleaned = value == null ? "" : clean(value);
        return cleaned.isEmpty() ? null : cleaned;
    }

    /**
     * What is wrong with a {@linkplain #clean cleaned} value, as a translation key: {@code validation.too-long}
     * (with {@code maxCharacters} as its argument), {@code validation.line-break} or
     * {@code validation.control-characters}.
     */
    public static Optional<String> problem(@Nullable String cleaned, Shape shape, int maxCharacters) {
        if (cleaned == null) {
            return Optional.empty();
        }
        if (cleaned.codePointCount(0, cleaned.length()) > maxCharacters) {
            return Optional.of("validation.too-long");
        }
        if (shape == Shape.LINE && cleaned.indexOf('\n') >= 0) {
            return Optional.of("validation.line-break");
        }
        if ((shape == Shape.LINE ? CONTROL : CONTROL_BUT_LINE_BREAK).matcher(cleaned).find()) {
            return Optional.of("validation.control-characters");
        }
        return Optional.empty();
    }

    /** For writers of one-line records: every control character, line breaks included, as a space. */
    public static String oneLine(String value) {
        return CONTROL.matcher(value).replaceAll(" ").strip();
    }
}
