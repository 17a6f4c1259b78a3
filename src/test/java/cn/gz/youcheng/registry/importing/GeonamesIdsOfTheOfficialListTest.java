package cn.gz.youcheng.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.IntegrationTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class GeonamesIdsOfTheOfficialListTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSeedGivesEveryPartnerOfTheOfficialListItsGeonamesIdExceptTheFourGeonamesLacks() {
        assertThat(jdbc.sql("select name_zh from partner where geonames_id is null and name_zh in "
                + "('汉班托塔', '阿依纳帕', '蒂瓦特', '阿速坡省', '福冈', '蒙巴萨郡')").query(String.class).list())
                .containsExactlyInAnyOrder("汉班托塔", "阿依纳帕", "蒂瓦特", "阿速坡省");
        assertThat(jdbc.sql("select geonames_id from partner where name_zh = '福冈'").query(Long.class).single())
                .isEqualTo(1863967L);
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '19' and success")
                .query(Integer.class).single()).as("the migration ran, with nothing to do on a new registry").isEqualTo(1);
    }

    @Test
    void aRegistryLoadedBeforeTheIdsGetsThemInItsPartnersAndTheirHistoryWithoutTouchingAnOfficersOwn() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // As a registry loaded before V18 stands: no ids at all, in the partners or their history.
                connection.createStatement().executeUpdate("update partner set geonames_id = null "
                        + "where name_zh in ('里昂', '维尔纽斯')");
                connection.createStatement().executeUpdate("update partner_aud set geonames_id = null "
                        + "where id in (select id from partner where name_zh in ('里昂', '维尔纽斯'))");
                // An officer's own id for another partner stays.
                connection.createStatement().executeUpdate("update partner set geonames_id = 42 where name_zh = '基多'");

                int given = GeonamesIdsOfTheOfficialList.backfill(connection, SeedImport.geonamesIds());

                assertThat(given).isEqualTo(2);
                assertThat(ids(connection, "select geonames_id from partner where name_zh in ('里昂', '维尔纽斯', '基多') "
                        + "order by geonames_id")).isEqualTo("42,593116,2996944");
                assertThat(ids(connection, "select distinct a.geonames_id from partner_aud a join partner p on p.id = a.id "
                        + "where p.name_zh = '里昂'")).isEqualTo("2996944");
            } finally {
                connection.rollback();
            }
        }
    }

    private static String ids(Connection connection, String sql) throws Exception {
        StringBuilder ids = new StringBuilder();
        try (var rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                ids.append(ids.isEmpty() ? "" : ",").append(rows.getString(1));
            }
        }
        return ids.toString();
    }
}
