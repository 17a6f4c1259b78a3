package cn.gz.youcheng.base.db;

/** Patterns for SQL's LIKE and ILIKE. */
public final class Like {

    private Like() {
    }

    /** Text anywhere in a value, with the pattern's own wildcards ({@code %}, {@code _}, {@code \}) taken literally. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
