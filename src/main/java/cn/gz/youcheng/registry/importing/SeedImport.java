package cn.gz.youcheng.registry.importing;

import cn.gz.youcheng.audit.RevisionComment;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.Agreement;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.Country;
import cn.gz.youcheng.registry.Partner;
import cn.gz.youcheng.registry.repository.CountryRepository;
import cn.gz.youcheng.registry.repository.PartnerRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads Guangzhou's official list into an empty registry, joined with the reference data that gives every
 * partner its English name, ISO country, administrative level and GeoNames coordinates.
 */
// Loads the official list at start-up, before anyone can sign in; no request reaches it.
@Service
@PreAuthorize("permitAll()")
public class SeedImport {

    static final String OFFICIAL_LIST = "seed/guangzhou-friendship-cities.txt";
    static final String PARTNERS_REFERENCE = "seed/partners-reference.csv";
    static final String COUNTRIES = "seed/countries.csv";

    private static final Logger log = LoggerFactory.getLogger(SeedImport.class);
    /** Serialises seed loads of several instances starting at once against one fresh database. */
    private static final long SEED_LOCK = 0x59_6F_75_63_68_65_6EL;
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private final CountryRepository countries;
    private final PartnerRepository partners;
    private final JdbcClient jdbc;

    SeedImport(CountryRepository countries, PartnerRepository partners, DataSource dataSource) {
        this.countries = countries;
        this.partners = partners;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Loads the bundled official list if the registry has no partners yet; otherwise leaves it alone. */
    @Transactional
    public void seedIfEmpty() {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", SEED_LOCK).query().singleRow();
        long existing = partners.count();
        if (existing > 0) {
            log.info("Registry already holds {} partners; the official list is not loaded again", existing);
            return;
        }
        SeedSummary summary = importLists(resource(OFFICIAL_LIST), resource(PARTNERS_REFERENCE), resource(COUNTRIES));
        log.info("Loaded the official list: {} sister cities and {} exchange cities in {} countries",
                summary.sisterCities(), summary.exchangeCities(), summary.countries());
    }

    /**
     * Imports an official list with its reference data in one transaction, attributed to {@code system}.
     * Everything is parsed and checked before anything is written, so bad input writes nothing.
     *
     * @throws OfficialListFormatException if the official text is malformed
     * @throws SeedDataException if the reference data does not cover every row
     */
    @Transactional
    public SeedSummary importLists(String officialText, String partnersReferenceCsv, String countriesCsv) {
        OfficialList official = OfficialListParser.parse(officialText);
        Map<String, Country> countriesByZh = readCountries(countriesCsv);
        Map<String, CSVRecord> reference = readReference(partnersReferenceCsv);

        Map<OfficialEntry, CSVRecord> joined = new LinkedHashMap<>();
        official.all().forEach(entry -> {
            CSVRecord row = reference.get(key(entry.list().officialName(), entry.seq(), entry.nameZh(), entry.countryZh()));
            if (row == null) {
                throw new SeedDataException("no reference row for " + entry.list().officialName() + " "
                        + OfficialFormat.sequence(entry.seq()) + " " + entry.nameZh() + " (" + entry.countryZh() + ")");
            }
            Country country = countriesByZh.get(entry.countryZh());
            if (country == null || !country.getIso2().equals(row.get("country_iso2"))) {
                throw new SeedDataException("country " + entry.countryZh() + " of " + entry.nameZh()
                        + " is not the country " + row.get("country_iso2") + " of its reference row");
            }
            joined.put(entry, row);
        });

        RevisionComment.forCurrentTransaction("seed: " + OFFICIAL_LIST);
        Map<String, Country> saved = new HashMap<>();
        countries.saveAll(countriesByZh.values()).forEach(c -> saved.put(c.getNameZh(), c));
        joined.forEach((entry, row) -> {
            Partner partner = new Partner(entry.nameZh(), row.get("name_en"),
                    Objects.requireNonNull(saved.get(entry.countryZh()), "every country was saved above"),
                    AdminLevel.valueOf(row.get("admin_level").toUpperCase(Locale.ROOT)));
            partner.locate(Double.valueOf(row.get("lat")), Double.valueOf(row.get("lon")),
                    row.get("source"));
            partner.identify(geonamesId(row), null);
            Agreement agreement = partner.sign(entry.list().kind(), entry.signedOn());
            agreement.setSource(OfficialFormat.heading(entry.list()));
            partners.save(partner);
        });
        return new SeedSummary(official.sisterCities().size(), official.exchangeCities().size(),
                official.countryCount());
    }

    private static Map<String, Country> readCountries(String csv) {
        Map<String, Country> byZh = new LinkedHashMap<>();
        for (CSVRecord row : records(csv)) {
            byZh.put(row.get("name_zh"), new Country(row.get("iso2"), row.get("name_zh"), row.get("name_en"),
                    Continent.valueOf(row.get("continent"))));
        }
        return byZh;
    }

    private static Map<String, CSVRecord> readReference(String csv) {
        Map<String, CSVRecord> byKey = new HashMap<>();
        for (CSVRecord row : records(csv)) {
            byKey.put(key(row.get("list"), Integer.parseInt(row.get("seq")), row.get("name_zh"), row.get("country_zh")), row);
        }
        return byKey;
    }

    /**
     * The GeoNames ids of the reference data by partner identity (Chinese name, country code), for a database
     * loaded before the reference data had them.
     */
    static Map<String, Long> geonamesIds() {
        Map<String, Long> ids = new HashMap<>();
        for (CSVRecord row : records(resource(PARTNERS_REFERENCE))) {
            Long id = geonamesId(row);
            if (id != null) {
                ids.put(identity(row.get("name_zh"), row.get("country_iso2")), id);
            }
        }
        return ids;
    }

    static String identity(String nameZh, String countryIso2) {
        return nameZh + '\t' + countryIso2;
    }

    /** Empty where GeoNames has no entry of its own for the place; reference data of another source may lack the column. */
    private static @Nullable Long geonamesId(CSVRecord row) {
        return row.isMapped("geonames_id") && !row.get("geonames_id").isBlank()
                ? Long.valueOf(row.get("geonames_id").strip()) : null;
    }

    private static Iterable<CSVRecord> records(String csv) {
        try (Reader reader = new StringReader(csv)) {
            return CSV.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String list, int seq, String nameZh, String countryZh) {
        return list + '\t' + seq + '\t' + nameZh + '\t' + countryZh;
    }

    static String resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
