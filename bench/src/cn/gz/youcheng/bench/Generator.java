package cn.gz.youcheng.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A synthetic registry of a given number of agreements beside the official list: partners in every
 * country (a few countries with many, most with few), both lists, every status, upgrades from exchange
 * to sister city, names in Chinese and Latin script, signing dates from 1973 to yesterday with more in
 * recent years. Rows go in with COPY; today's standings and numbers are then computed once, as the
 * database's own triggers would after a write (they are switched off for the load only).
 *
 * <p>Deterministic: the same seed gives the same registry. The rows are not in the audit history (a bulk
 * load of test data is not a change anyone made); one revision marks the load.
 */
final class Generator {

    static final LocalDate FIRST = LocalDate.of(1973, 1, 1);

    // Characters Chinese transliterations of place names are made of (阿 for A, 堡 for -burg, …).
    private static final String ZH = "阿巴贝比波布达德迪多杜尔厄法菲弗福伽格戈哈赫霍基吉加贾卡凯坎科克库拉莱兰勒雷里利林"
            + "隆卢鲁伦罗洛马迈曼梅蒙米明莫穆纳内尼努诺帕佩皮珀普奇切萨塞桑瑟森沙圣什斯苏索塔泰坦特提图托瓦"
            + "韦维沃乌西希锡夏谢休雅亚扬耶伊因英尤于扎泽珠朱兹佐";
    private static final String[] ZH_SUFFIX = {"", "", "", "", "市", "堡", "港", "城", "县", "州", "郡", "镇"};
    private static final String[] SYLLABLES = {"ber", "lin", "mar", "to", "ka", "ra", "no", "vi", "sa", "lo", "ta",
            "mi", "ro", "da", "ne", "ko", "ha", "vel", "dor", "gar", "mon", "tes", "li", "an", "el", "or", "us", "ia",
            "chi", "zu", "pe", "que", "wa", "ty", "sch", "ost", "bre", "gen", "fu", "shi", "yo", "hu", "ba", "ce"};
    private static final String[] LATIN_PREFIX = {"San ", "Santa ", "Port ", "New ", "Saint-", "Bad ", "El ", "Los ",
            "Nova ", "Ust-", "Al ", "Puerto ", "North ", "Kota "};
    private static final String[] LATIN_SUFFIX = {"", "", "", "burg", "ville", "ton", "stad", "grad", "polis", "ham",
            "field", "sk", "ovo", "abad", "pur", "ora", "hausen", "mouth"};
    private static final String[] ADMIN_LEVELS = {"CITY", "CITY", "CITY", "CITY", "CITY", "CITY", "CITY", "CITY",
            "CITY", "CITY", "CITY", "CITY", "CITY", "CITY", "CITY", "CITY", "PROVINCE", "PROVINCE", "COUNTY", "STATE"};

    // Every ISO 3166-1 country with its continent, for the countries the official list does not have yet.
    private static final Map<String, String> CONTINENTS = new HashMap<>();

    static {
        put("AFRICA", "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG "
                + "MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW");
        put("ASIA", "AF AM AZ BH BD BT BN KH GE IN ID IR IQ IL JP JO KZ KW KG LA LB MY MV MN MM NP KP OM PK PS "
                + "PH QA SA SG KR LK SY TJ TH TL TR TM AE UZ VN YE CY");
        put("EUROPE", "AL AD AT BY BE BA BG HR CZ DK EE FI FR DE GR HU IS IE IT LV LI LT LU MT MD MC ME NL MK NO "
                + "PL PT RO RU SM RS SK SI ES SE CH UA GB VA");
        put("NORTH_AMERICA", "AG BS BB BZ CA CR CU DM DO SV GD GT HT HN JM MX NI PA KN LC VC TT US");
        put("SOUTH_AMERICA", "AR BO BR CL CO EC GY PY PE SR UY VE");
        put("OCEANIA", "AU FJ KI MH FM NR NZ PW PG WS SB TO TV VU");
    }

    private static void put(String continent, String codes) {
        for (String code : codes.split(" ")) {
            CONTINENTS.put(code, continent);
        }
    }

    private final Random random;
    private final LocalDate lastDay;

    Generator(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.lastDay = today.minusDays(1);
    }

    record Loaded(int partners, int agreements, long millis) {
    }

    /** Adds partners until the registry holds {@code agreements} agreements in all. */
    Loaded load(Connection connection, int agreements) throws SQLException, IOException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        List<String> countries = countries(connection);
        int existing = count(connection, "select count(*) from agreement");
        long partnerId = count(connection, "select coalesce(max(id), 0) from partner") + 1L;
        long agreementId = count(connection, "select coalesce(max(id), 0) from agreement") + 1L;
        long changeId = count(connection, "select coalesce(max(id), 0) from agreement_status_change") + 1L;
        Set<String> taken = new HashSet<>();
        try (Statement statement = connection.createStatement();
                var names = statement.executeQuery("select country_iso2 || name_zh from partner")) {
            while (names.next()) {
                taken.add(names.getString(1));
            }
        }
        // A few countries with many partners, most with few (roughly Zipf).
        double[] weights = new double[countries.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += 1.0 / (i + 1);
            weights[i] = total;
        }
        java.util.Collections.shuffle(countries, random);

        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table agreement disable trigger user");
            statement.execute("alter table agreement_status_change disable trigger user");
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        int partners = 0;
        int added = 0;
        // A connection runs one COPY at a time, so each table's rows are gathered first and sent in turn.
        StringBuilder partnerRows = new StringBuilder();
        StringBuilder agreementRows = new StringBuilder();
        StringBuilder changeRows = new StringBuilder();
        int target = agreements - existing;
        while (added < target) {
            String country = countries.get(pick(weights, total));
            String nameZh;
            do {
                nameZh = chineseName();
            } while (!taken.add(country + nameZh));
            double[] place = place(country);
            partnerRows.append(partnerId).append('\t').append(nameZh).append('\t').append(latinName()).append('\t')
                    .append(country).append('\t').append(ADMIN_LEVELS[random.nextInt(ADMIN_LEVELS.length)])
                    .append('\t').append(place[0]).append('\t').append(place[1]).append("\tsynthetic (bench)\t0\n");

            LocalDate signed = date(FIRST);
            String finalStatus = status();
            if (random.nextInt(10) == 0 && added + 2 <= target) {
                // An upgrade: the memorandum first, superseded by the sister-city agreement.
                LocalDate upgraded = min(signed.plusDays(365 + random.nextInt(7 * 365)), lastDay);
                long memo = agreementId++;
                long sister = agreementId++;
                agreementRows.append(memo).append('\t').append(partnerId).append("\tFRIENDLY_EXCHANGE\t").append(signed)
                        .append("\tSUPERSEDED\t").append(sister).append("\t0\n");
                agreementRows.append(sister).append('\t').append(partnerId).append("\tSISTER_CITY\t").append(upgraded)
                        .append('\t').append(finalStatus).append("\t\\N\t0\n");
                changeRows.append(changeId++).append('\t').append(memo).append("\tACTIVE\t").append(signed).append("\t\\N\n");
                changeRows.append(changeId++).append('\t').append(memo).append("\tSUPERSEDED\t").append(upgraded)
                        .append("\tupgraded\n");
                changeId = history(changeRows, changeId, sister, upgraded, finalStatus);
                added += 2;
            } else {
                long id = agreementId++;
                String kind = random.nextInt(10) < 3 ? "SISTER_CITY" : "FRIENDLY_EXCHANGE";
                agreementRows.append(id).append('\t').append(partnerId).append('\t').append(kind).append('\t')
                        .append(signed).append('\t').append(finalStatus).append("\t\\N\t0\n");
                changeId = history(changeRows, changeId, id, signed, finalStatus);
                added += 1;
            }
            partnerId++;
            partners++;
        }
        copyIn(pg, "partner (id, name_zh, name_en, country_iso2, admin_level, latitude, longitude, coordinate_source, version)", partnerRows);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(IDENTIFY_GENERATED);
        }
        partnerRows = null;
        copyIn(pg, "agreement (id, partner_id, kind, signed_on, status, superseded_by_id, version)", agreementRows);
        agreementRows = null;
        copyIn(pg, "agreement_status_change (id, agreement_id, status, effective_on, reason)", changeRows);
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table agreement enable trigger user");
            statement.execute("alter table agreement_status_change enable trigger user");
            for (String table : List.of("partner", "agreement", "agreement_status_change")) {
                statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table + "))");
            }
            statement.execute("select refresh_partner_standing(array(select id from partner))");
            statement.execute("select renumber_partner_standing()");
            statement.execute("select refresh_standing_periods(null)");
            statement.execute("insert into revision (created_at, username, comment) values (now(), 'bench', "
                    + "'synthetic registry of " + agreements + " agreements for the benchmark')");
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        }
        return new Loaded(partners, added, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Identifiers as the official list has them: a GeoNames id for nearly every partner (all but one in
     * twenty-five), a Wikidata item for one in three. Made from the id, so unique; generated partners only,
     * once. The partner's triggers would rewrite the kept copies of its names, which do not change: off for it.
     */
    static final String IDENTIFY_GENERATED = """
            do $$
            begin
                if exists (select 1 from partner where coordinate_source = 'synthetic (bench)' and geonames_id is null
                           and id % 25 <> 0) then
                    alter table partner disable trigger user;
                    update partner set geonames_id = case when id % 25 <> 0 then 5000000 + id end,
                                       wikidata_qid = case when id % 3 = 0 then 'Q' || (90000000 + id) end
                    where coordinate_source = 'synthetic (bench)' and geonames_id is null;
                    alter table partner enable trigger user;
                end if;
            end $$""";

    /**
     * Exchanges of the generated partners, five per partner on average (none to ten), on days between the
     * partner's signing and today, of every kind and theme, four in five published: the life of the
     * partnerships the partner page, the dormancy filter and the statistics read. Once, in one statement.
     */
    static final String EXCHANGES = """
            select setseed(0.2026);
            insert into exchange (partner_id, starts_on, kind, themes, title_en, published)
            select s.partner_id,
                   s.signed_on + (random() * greatest(current_date - s.signed_on, 0))::int,
                   (array['INCOMING_DELEGATION', 'OUTGOING_DELEGATION', 'EVENT', 'JOINT_PROJECT', 'RENEWAL_OR_ANNIVERSARY',
                          'GIFT', 'ONLINE_MEETING', 'OTHER'])[1 + floor(random() * 8)::int],
                   (array['GOVERNMENT', 'ECONOMY_TRADE', 'CULTURE', 'EDUCATION', 'SCIENCE_TECHNOLOGY', 'HEALTH', 'SPORT',
                          'TOURISM', 'YOUTH', 'ENVIRONMENT', 'URBAN_DEVELOPMENT', 'OTHER'])[1 + floor(random() * 12)::int],
                   'Exchange ' || g,
                   random() < 0.8
            from partner_standing s
            cross join lateral generate_series(1, floor(random() * 11)::int) g
            where not exists (select 1 from exchange)
            """;

    private static void copyIn(PGConnection pg, String table, StringBuilder rows) throws SQLException, IOException {
        try (OutputStream out = new PGCopyOutputStream(pg, "copy " + table + " from stdin", 1 << 20);
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
            writer.append(rows);
        }
    }

    private long history(StringBuilder rows, long changeId, long agreement, LocalDate signed, String finalStatus) {
        rows.append(changeId++).append('\t').append(agreement).append("\tACTIVE\t").append(signed).append("\t\\N\n");
        if (!finalStatus.equals("ACTIVE")) {
            rows.append(changeId++).append('\t').append(agreement).append('\t').append(finalStatus).append('\t')
                    .append(date(signed)).append('\t').append(finalStatus.equals("SUSPENDED") ? "suspended" : "ended")
                    .append('\n');
        }
        return changeId;
    }

    private String status() {
        int roll = random.nextInt(100);
        return roll < 90 ? "ACTIVE" : roll < 93 ? "SUSPENDED" : "TERMINATED";
    }

    /** A day from {@code from} to yesterday, more of them in later years (as agreements have been). */
    private LocalDate date(LocalDate from) {
        long days = lastDay.toEpochDay() - from.toEpochDay();
        return from.plusDays((long) (days * Math.sqrt(random.nextDouble())));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private String chineseName() {
        int length = 2 + random.nextInt(3);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            name.append(ZH.charAt(random.nextInt(ZH.length())));
        }
        return name.append(ZH_SUFFIX[random.nextInt(ZH_SUFFIX.length)]).toString();
    }

    private String latinName() {
        StringBuilder name = new StringBuilder();
        if (random.nextInt(8) == 0) {
            name.append(LATIN_PREFIX[random.nextInt(LATIN_PREFIX.length)]);
        }
        int start = name.length();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        name.append(LATIN_SUFFIX[random.nextInt(LATIN_SUFFIX.length)]);
        name.setCharAt(start, Character.toUpperCase(name.charAt(start)));
        return name.toString();
    }

    private final Map<String, double[]> centres = new HashMap<>();

    /** Somewhere around a point of its own for each country. */
    private double[] place(String country) {
        double[] centre = centres.computeIfAbsent(country,
                c -> new double[] {-40 + random.nextDouble() * 100, -175 + random.nextDouble() * 350});
        double latitude = Math.max(-89, Math.min(89, centre[0] + random.nextGaussian() * 3));
        double longitude = Math.max(-179.9, Math.min(179.9, centre[1] + random.nextGaussian() * 4));
        return new double[] {Math.round(latitude * 1e5) / 1e5, Math.round(longitude * 1e5) / 1e5};
    }

    private int pick(double[] cumulative, double total) {
        double roll = random.nextDouble() * total;
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < roll) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The countries of the official list, and every other country added with its name in both languages. */
    private static List<String> countries(Connection connection) throws SQLException {
        try (var insert = connection.prepareStatement(
                "insert into country (iso2, name_zh, name_en, continent) values (?, ?, ?, ?) on conflict do nothing")) {
            for (Map.Entry<String, String> country : CONTINENTS.entrySet()) {
                Locale region = new Locale.Builder().setRegion(country.getKey()).build();
                insert.setString(1, country.getKey());
                insert.setString(2, region.getDisplayCountry(Locale.SIMPLIFIED_CHINESE));
                insert.setString(3, region.getDisplayCountry(Locale.ENGLISH));
                insert.setString(4, country.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        List<String> codes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select iso2 from country order by iso2")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
