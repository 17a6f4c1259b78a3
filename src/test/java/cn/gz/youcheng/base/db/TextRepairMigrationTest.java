package cn.gz.youcheng.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A registry from before the text rule, with a line break in a name, trailing spaces and a decomposed accent,
 * comes out of V9 repaired, and its agreements' notes are internal notes.
 */
class TextRepairMigrationTest {

    @Test
    void v9RepairsTextWrittenBeforeTheRuleAndKeepsNotesAsInternalNotes() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(database.getPostgresDatabase()).target("8").load().migrate();
            JdbcClient jdbc = JdbcClient.create(database.getPostgresDatabase());
            jdbc.sql("insert into country (iso2, name_zh, name_en, continent) values ('IS', '冰岛', 'Iceland', 'EUROPE')")
                    .update();
            long partner = jdbc.sql("""
                            insert into partner (name_zh, name_en, country_iso2, admin_level)
                            values (E'雷克雅\\n未克 ', E'Reykjavi\\u0301k\\t', 'IS', 'CITY') returning id
                            """).query(Long.class).single();
            long agreement = jdbc.sql("""
                            insert into agreement (partner_id, kind, signed_on, place_signed, notes, status)
                            values (:p, 'FRIENDLY_EXCHANGE', '2020-01-01', '  ', E'first\\r\\nsecond\\u0007', 'ACTIVE')
                            returning id
                            """).param("p", partner).query(Long.class).single();
            jdbc.sql("""
                            insert into agreement_status_change (agreement_id, status, effective_on, reason)
                            values (:a, 'ACTIVE', '2020-01-01', E' signed\\u202E ')
                            """).param("a", agreement).update();

            Flyway.configure().dataSource(database.getPostgresDatabase()).load().migrate();

            assertThat(jdbc.sql("select name_zh || '|' || name_en from partner").query(String.class).single())
                    .isEqualTo("雷克雅 未克|Reykjavík");
            assertThat(jdbc.sql("select coalesce(place_signed, '(none)') || '|' || internal_note from agreement")
                    .query(String.class).single()).isEqualTo("(none)|first\nsecond");
            assertThat(jdbc.sql("select reason from agreement_status_change").query(String.class).single())
                    .isEqualTo("signed");
        }
    }
}
