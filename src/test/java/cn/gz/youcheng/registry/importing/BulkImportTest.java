package cn.gz.youcheng.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Translations;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.RegistryCommands;
import cn.gz.youcheng.registry.importing.BulkImport.Outcome;
import cn.gz.youcheng.registry.importing.BulkImport.Preview;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@AdminTest
class BulkImportTest {

    private static final String HEADER = "list,seq,name_zh,name_en,country_zh,country_en,country_iso2,continent,"
            + "admin_level,signed_on,status,lat,lon\r\n";

    @Autowired
    BulkImport bulkImport;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebApplicationContext context;
    @Autowired
    OfficialListExport export;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "import.officer", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void ourOwnCsvDownloadImportsBackAsUnchanged() throws Exception {
        byte[] csv = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build()
                .perform(get("/export/partners.csv?list=sister")).andReturn().getResponse().getContentAsByteArray();
        signIn();

        Preview preview = bulkImport.preview("partners.csv", csv);

        assertThat(preview.fileProblem()).isNull();
        assertThat(preview.rows()).hasSizeGreaterThanOrEqualTo(38).allSatisfy(row ->
                assertThat(row.outcome()).as(row.toString()).isEqualTo(Outcome.UNCHANGED));
        assertThat(preview.applicable()).isFalse();
    }

    @Test
    void previewsNewChangedAndUnchangedRowsAndAppliesThemInOneAttributedRevision() {
        String csv = HEADER
                + "exchange,,雷克雅未克,Reykjavík,,,IS,europe,city,2025-09-01,,64.1466,-21.9426\r\n"
                + "sister,,马尼拉,\"Manila, Metro Manila\",,,PH,,,1982-11-05,,,\r\n"
                + "sister,,福冈,Fukuoka,,,JP,,city,1979-05-02,,,\r\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        Preview preview = bulkImport.preview("october.csv", bytes);

        assertThat(preview.rows()).extracting(BulkImport.Row::outcome)
                .containsExactly(Outcome.NEW, Outcome.CHANGED, Outcome.UNCHANGED);
        assertThat(preview.rows().get(1).detail()).contains(Message.of("import.row.change", "name_en", "Manila",
                "Manila, Metro Manila"));
        int revisions = count("revision");

        bulkImport.apply(preview, bytes);

        assertThat(jdbc.sql("select name_en from partner where name_zh = '雷克雅未克'").query(String.class).single())
                .isEqualTo("Reykjavík");
        assertThat(jdbc.sql("select name_en from partner where name_zh = '马尼拉'").query(String.class).single())
                .isEqualTo("Manila, Metro Manila");
        assertThat(count("revision")).isEqualTo(revisions + 1);
        assertThat(jdbc.sql("select username || ' ' || comment from revision order by id desc limit 1")
                .query(String.class).single()).isEqualTo("import.officer import: october.csv");
    }

    @Test
    void aFileGivesPartnersTheirWikidataItemsAndAMalformedOneIsAnErrorUnderItsColumn() {
        String header = "list,name_zh,name_en,country_iso2,signed_on,geonames_id,wikidata_qid\r\n";
        String csv = header
                + "exchange,蒙得维的亚,Montevideo,UY,2019-04-06,,Q1335\r\n"
                + "exchange,金斯敦,,JM,2023-02-09,3489854,\r\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        Preview preview = bulkImport.preview("items.csv", bytes);

        assertThat(preview.rows()).extracting(BulkImport.Row::outcome).containsExactly(Outcome.CHANGED, Outcome.UNCHANGED);
        assertThat(preview.rows().getFirst().detail()).containsExactly(
                Message.of("import.row.change", "wikidata_qid", "—", "Q1335"));
        bulkImport.apply(preview, bytes);
        assertThat(jdbc.sql("select wikidata_qid || ' ' || geonames_id from partner where name_zh = '蒙得维的亚'")
                .query(String.class).single()).as("an empty cell keeps what the registry has").isEqualTo("Q1335 3441575");

        String malformed = header + "exchange,蒙得维的亚,Montevideo,UY,2019-04-06,34415x,Q01335\r\n";
        assertThat(bulkImport.preview("bad-items.csv", malformed.getBytes(StandardCharsets.UTF_8)).rows().getFirst().detail())
                .containsExactlyInAnyOrder(
                        Message.of("import.row.column", "geonames_id", Message.of("validation.geonames-id")),
                        Message.of("import.row.column", "wikidata_qid", Message.of("validation.wikidata-qid")));
    }

    @Test
    void aFileWithAnyBadRowAppliesNothingAndNamesTheRowAndColumn() {
        String csv = HEADER
                + "exchange,,奥斯陆,Oslo,,,NO,europe,city,2025-01-01,,,\r\n"
                + "exchange,,特隆赫姆,Trondheim,,,NO,europe,city,2025-13-01,,,\r\n"
                + "exchange,,奥斯陆,Oslo,,,NO,europe,city,2025-01-01,,,\r\n"
                + "friends,,卑尔根,Bergen,,,NO,europe,city,2025-01-01,,,\r\n"
                + "exchange,,斯塔万格,Stavanger,,,XX,europe,city,2025-01-01,,,\r\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        int partners = count("partner");

        Preview preview = bulkImport.preview("bad.csv", bytes);

        assertThat(preview.rows()).extracting(BulkImport.Row::row, BulkImport.Row::outcome, BulkImport.Row::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, Outcome.NEW, List.of(Message.of("import.row.new",
                                Message.of("list.exchange"), LocalDate.of(2025, 1, 1)))),
                        org.assertj.core.groups.Tuple.tuple(2, Outcome.ERROR, List.of(Message.of("import.row.date", "2025-13-01"))),
                        org.assertj.core.groups.Tuple.tuple(3, Outcome.ERROR, List.of(Message.of("import.row.duplicate", 1))),
                        org.assertj.core.groups.Tuple.tuple(4, Outcome.ERROR, List.of(Message.of("import.row.list", "friends"))),
                        org.assertj.core.groups.Tuple.tuple(5, Outcome.ERROR, List.of(Message.of("import.row.country-iso", "XX"))));
        assertThatThrownBy(() -> bulkImport.apply(preview, bytes)).isInstanceOf(ImportRejectedException.class);
        assertThat(count("partner")).isEqualTo(partners);
    }

    @Test
    void rowsAreHeldToTheRulesOfTheFormsAndEachProblemIsSaidUnderItsColumn() {
        String longName = "N".repeat(RegistryCommands.NAME_EN + 1);
        String csv = HEADER
                + "exchange,,规则甲市,,,,NO,europe,city,2025-01-01,,,\r\n"
                + "exchange,,规则乙市,Rule Town B,,,NO,europe,city,2999-01-01,,,\r\n"
                + "exchange,,规则丙市,Rule Town C,,,NO,europe,city,2025-01-01,,91,10\r\n"
                + "exchange,,规则丁市,Rule Town D,,,NO,europe,city,2025-01-01,,10,NaN\r\n"
                + "exchange,,规则戊市," + longName + ",,,NO,europe,city,2025-01-01,,,\r\n";
        int partners = count("partner");

        Preview preview = bulkImport.preview("rules.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.rows()).extracting(BulkImport.Row::row, BulkImport.Row::outcome, BulkImport.Row::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, Outcome.ERROR, List.of(Message.of("import.row.column",
                                "name_en", Message.of("validation.required")))),
                        org.assertj.core.groups.Tuple.tuple(2, Outcome.ERROR, List.of(Message.of("import.row.column",
                                "signed_on", Message.of("validation.date-in-future")))),
                        org.assertj.core.groups.Tuple.tuple(3, Outcome.ERROR, List.of(Message.of("import.row.column",
                                "lat", Message.of("validation.latitude-range")))),
                        org.assertj.core.groups.Tuple.tuple(4, Outcome.ERROR, List.of(Message.of("import.row.not-a-number",
                                "lon", "NaN"))),
                        org.assertj.core.groups.Tuple.tuple(5, Outcome.ERROR, List.of(Message.of("import.row.column",
                                "name_en", Message.of("validation.too-long", RegistryCommands.NAME_EN)))));
        assertThat(preview.applicable()).isFalse();
        assertThat(count("partner")).isEqualTo(partners);
    }

    @Test
    void rejectsAWrongEncodingDelimiterOrHeaderAsAWhole() {
        String gbk = HEADER + "exchange,,奥斯陆,Oslo,,,NO,europe,city,2025-01-01,,,\r\n";
        assertThat(bulkImport.preview("gbk.csv", gbk.getBytes(Charset.forName("GBK"))).fileProblem())
                .isEqualTo(Message.of("import.error.encoding"));
        assertThat(bulkImport.preview("semicolons.csv", "list;name_zh;name_en;country_iso2;signed_on\n"
                .getBytes(StandardCharsets.UTF_8)).fileProblem()).isEqualTo(Message.of("import.error.delimiter"));
        assertThat(bulkImport.preview("headers.csv", "list,name_zh,country\nsister,测试,JP\n"
                .getBytes(StandardCharsets.UTF_8)).fileProblem())
                .isEqualTo(Message.of("import.error.missing-columns", "country_iso2, name_en, signed_on"));
        assertThat(bulkImport.preview("big.csv", new byte[BulkImport.MAX_BYTES + 1]).fileProblem())
                .isEqualTo(Message.of("import.error.too-large"));
    }

    @Test
    void theOfficialTextUpgradesAnExchangePartnerThatTheListNowShowsAsSisterCity() {
        // The lists as the registry holds them now (other tests in this database change them too).
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        OfficialList seed = export.officialList(DirectoryFilter.official(today));
        List<OfficialEntry> sister = new ArrayList<>(seed.sisterCities());
        // Signed today, so that it is last in signing-date order whatever else the list holds.
        sister.add(new OfficialEntry(PartnerList.SISTER, sister.size() + 1, "金边", "柬埔寨", today));
        List<OfficialEntry> exchange = new ArrayList<>();
        for (OfficialEntry entry : seed.exchangeCities()) {
            if (!entry.nameZh().equals("金边")) {
                exchange.add(new OfficialEntry(PartnerList.EXCHANGE, exchange.size() + 1, entry.nameZh(),
                        entry.countryZh(), entry.signedOn()));
            }
        }
        byte[] text = OfficialListWriter.write(new OfficialList(sister, exchange)).getBytes(StandardCharsets.UTF_8);

        Preview preview = bulkImport.preview("official-2025.txt", text);
        assertThat(preview.fileProblem()).isNull();

        assertThat(preview.rows().stream().filter(row -> row.outcome() != Outcome.UNCHANGED))
                .singleElement().satisfies(row -> {
                    assertThat(row.nameZh()).isEqualTo("金边");
                    assertThat(row.outcome()).isEqualTo(Outcome.CHANGED);
                    assertThat(row.detail()).containsExactly(Message.of("import.row.upgrade", today));
                });
        bulkImport.apply(preview, text);
        assertThat(jdbc.sql("select string_agg(a.kind || ':' || a.status, ' ' order by a.signed_on) from agreement a "
                + "join partner p on p.id = a.partner_id where p.name_zh = '金边'").query(String.class).single())
                .isEqualTo("FRIENDLY_EXCHANGE:SUPERSEDED SISTER_CITY:ACTIVE");
    }

    @Test
    void aMalformedOfficialTextIsRejectedWithItsLineInTheOfficersLanguage() {
        String official = SeedImport.resource(SeedImport.OFFICIAL_LIST).replace("1979.05.02", "1979.02.30");

        Message problem = bulkImport.preview("official.txt", official.getBytes(StandardCharsets.UTF_8)).fileProblem();
        assertThat(problem).isEqualTo(Message.of("import.error.official", 8, Message.of("official.error.date", "1979.02.30")));
        assertThat(Translations.text(problem, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("官方一览文本第 8 行格式有误：签约时间“1979.02.30”不是按 yyyy.MM.dd 书写的有效日期");
        assertThat(Translations.text(problem, Locale.ENGLISH)).isEqualTo(
                "The official text is malformed at line 8: the signing date “1979.02.30” is not a real date written yyyy.MM.dd");
    }

    @Test
    void aPartnerChangedByAColleagueSinceThePreviewStopsTheImportUntilItIsPreviewedAgain() {
        String csv = HEADER + "exchange,,利勒哈默尔,Lillehammer,,,NO,europe,city,2024-02-02,,,\r\n";
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "import.officer", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        bulkImport.apply(bulkImport.preview("lillehammer.csv", csv.getBytes(StandardCharsets.UTF_8)), csv.getBytes(StandardCharsets.UTF_8));
        // The officer's file says "Lillehammer"; a colleague calls it "Lillehammer (town)" after the preview.
        byte[] file = (HEADER + "exchange,,利勒哈默尔,Lillehammer,,,NO,europe,city,2024-02-02,,,\r\n"
                + "exchange,,哈马尔,Hamar,,,NO,europe,city,2025-03-03,,,\r\n").getBytes(StandardCharsets.UTF_8);
        Preview previewed = bulkImport.preview("norway.csv", file);
        assertThat(previewed.rows()).extracting(BulkImport.Row::outcome).containsExactly(Outcome.UNCHANGED, Outcome.NEW);
        jdbc.sql("update partner set name_en = 'Lillehammer (town)', version = version + 1 where name_zh = '利勒哈默尔'").update();
        int partners = count("partner");

        assertThatThrownBy(() -> bulkImport.apply(previewed, file))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.preview().fileProblem()).isEqualTo(Message.of("import.error.changed-since-preview"));
                    // The preview as the registry is now: applying the file would now change the name back.
                    assertThat(e.preview().rows()).extracting(BulkImport.Row::outcome)
                            .containsExactly(Outcome.CHANGED, Outcome.NEW);
                });
        assertThat(count("partner")).isEqualTo(partners);
        assertThat(jdbc.sql("select name_en from partner where name_zh = '利勒哈默尔'").query(String.class).single())
                .isEqualTo("Lillehammer (town)");
    }

    @Test
    void theFileNameIsKeptWithoutControlCharactersAndBounded() {
        String name = "list\r\nforged: line" + "名".repeat(600) + ".csv";
        byte[] file = (HEADER + "exchange,,博德,Bodø,,,NO,europe,city,2025-04-04,,,\r\n").getBytes(StandardCharsets.UTF_8);

        Preview preview = bulkImport.preview(name, file);
        bulkImport.apply(preview, file);

        String comment = jdbc.sql("select comment from revision order by id desc limit 1").query(String.class).single();
        assertThat(comment).startsWith("import: listforged: line名名").doesNotContain("\r").doesNotContain("\n");
        assertThat(comment.codePointCount(0, comment.length())).isLessThanOrEqualTo("import: ".length() + BulkImport.MAX_FILE_NAME);
    }

    @Test
    void aNameWithAQuotedLineBreakIsAnErrorOfItsRowAndNamesAreCleanedByTheTextRule() {
        String csv = HEADER
                + "exchange,,\"卡拉\n马塔\",Kalamata,,,GR,europe,city,2025-05-05,,,\r\n"
                + "exchange,,\"  沃洛斯 \",\"Vo\u0301los\",,,GR,europe,city,2025-05-06,,,\r\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        Preview preview = bulkImport.preview("greece.csv", bytes);

        assertThat(preview.rows()).extracting(BulkImport.Row::outcome).containsExactly(Outcome.ERROR, Outcome.NEW);
        assertThat(preview.rows().get(0).detail()).containsExactly(Message.of("import.row.column", "name_zh",
                Message.of("validation.line-break")));
        assertThat(preview.rows().get(0).nameZh()).isEqualTo("卡拉 马塔");
        // Without the broken row the file applies, its names trimmed and in NFC.
        String fine = HEADER + "exchange,,\"  沃洛斯 \",\"Vo\u0301los\",,,GR,europe,city,2025-05-06,,,\r\n";
        Preview second = bulkImport.preview("volos.csv", fine.getBytes(StandardCharsets.UTF_8));
        bulkImport.apply(second, fine.getBytes(StandardCharsets.UTF_8));
        assertThat(jdbc.sql("select name_zh || '|' || name_en from partner where name_zh = '沃洛斯'").query(String.class)
                .single()).isEqualTo("沃洛斯|V\u00f3los");
    }

    @Test
    void aControlCharacterInANameOfTheOfficialTextIsAnErrorOfItsLine() {
        String official = SeedImport.resource(SeedImport.OFFICIAL_LIST).replace("\t福冈\t", "\t福\u0007冈\t");

        Preview preview = bulkImport.preview("official.txt", official.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.fileProblem()).isNull();
        // Other rows may differ from the registry, which other tests change; 福冈 is the first line.
        assertThat(preview.rows()).filteredOn(row -> row.row() == 1).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(row.nameZh()).isEqualTo("福 冈");
            // It is new, and the official text has no English name for a new partner either.
            assertThat(row.detail()).containsExactly(
                    Message.of("import.row.column", "name_en", Message.of("validation.required")),
                    Message.of("import.row.column", "城市名称", Message.of("validation.control-characters")));
        });
    }

    @Test
    void aFileOfMoreRowsThanTheLimitIsRefusedAsAWholeNotCutShort() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= BulkImport.MAX_ROWS; i++) {
            csv.append("exchange,,城").append(i).append(",City ").append(i).append(",,,NO,europe,city,2025-01-01,,,\r\n");
        }

        Preview preview = bulkImport.preview("long.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(preview.fileProblem()).isEqualTo(Message.of("import.error.too-many-rows"));
        assertThat(preview.rows()).isEmpty();
    }

    @Test
    void importingNeedsAnOfficer() {
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> bulkImport.preview("x.csv", HEADER.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfAny(AuthenticationException.class, AccessDeniedException.class);
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
