package cn.gz.youcheng.registry.query;

/** One sort criterion of the directory; the official order breaks every tie. */
public record DirectorySort(Key key, boolean descending) {

    /** The columns a visitor can sort by (their SQL is in {@link DirectorySql}). */
    public enum Key {
        LIST, SEQ, NAME_ZH, NAME_EN, COUNTRY_ZH, COUNTRY_EN, CONTINENT, ADMIN_LEVEL, SIGNED_ON, STATUS
    }
}
