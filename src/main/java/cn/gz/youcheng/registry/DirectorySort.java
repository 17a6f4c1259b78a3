package cn.gz.youcheng.registry;

/** One sort criterion of the directory; the official order breaks every tie. */
public record DirectorySort(Key key, boolean descending) {

    public enum Key {
        LIST("l.list_rank"),
        SEQ("l.seq"),
        NAME_ZH("p.name_zh"),
        NAME_EN("lower(p.name_en)"),
        COUNTRY_ZH("c.name_zh"),
        COUNTRY_EN("lower(c.name_en)"),
        CONTINENT("c.continent"),
        ADMIN_LEVEL("p.admin_level"),
        SIGNED_ON("l.signed_on"),
        STATUS("l.status");

        final String sql;

        Key(String sql) {
            this.sql = sql;
        }
    }
}
