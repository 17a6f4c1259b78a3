package cn.gz.youcheng.registry.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Schema version 19: gives the partners of a registry loaded before the reference data had GeoNames ids
 * (V18 added the column) the id of their reference row, matched by identity (Chinese name and country). A
 * new registry gets them from the seed load and finds nothing to do here.
 *
 * <p>The id is written into the partner's audit rows as well: it names the place the partner always was (the
 * coordinates came from that GeoNames entry), and without it the partner's next edit would show an officer
 * adding an id they never touched. An id an officer has already set is left alone.
 */
@Component
class GeonamesIdsOfTheOfficialList implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(GeonamesIdsOfTheOfficialList.class);

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("19");
    }

    @Override
    public String getDescription() {
        return "geonames ids of the official list";
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        log.info("GeoNames ids given to {} partners of the official list", backfill(context.getConnection(),
                SeedImport.geonamesIds()));
    }

    /** Sets each partner's id where it has none; returns how many partners got one. */
    static int backfill(Connection connection, Map<String, Long> idsByIdentity) throws Exception {
        int given = 0;
        try (PreparedStatement partners = connection.prepareStatement(
                "select id, name_zh, country_iso2 from partner where geonames_id is null");
                PreparedStatement partner = connection.prepareStatement(
                        "update partner set geonames_id = ? where id = ? and geonames_id is null");
                PreparedStatement history = connection.prepareStatement(
                        "update partner_aud set geonames_id = ? where id = ? and geonames_id is null");
                ResultSet rows = partners.executeQuery()) {
            while (rows.next()) {
                Long geonamesId = idsByIdentity.get(SeedImport.identity(rows.getString(2), rows.getString(3)));
                if (geonamesId == null) {
                    continue;
                }
                for (PreparedStatement update : new PreparedStatement[] {partner, history}) {
                    update.setLong(1, geonamesId);
                    update.setLong(2, rows.getLong(1));
                    update.addBatch();
                }
                given++;
            }
            partner.executeBatch();
            history.executeBatch();
        }
        return given;
    }
}
