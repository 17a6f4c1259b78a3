package cn.gz.youcheng.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.ListTotals;
import cn.gz.youcheng.registry.query.PartnerRow;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SeedImportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Autowired
    DirectoryQueries queries;
    @Autowired
    OfficialListExport export;
    @Autowired
    SeedImport seedImport;
    @Autowired
    JdbcClient jdbc;

    @Test
    void importsThe107PartnersOfTheOfficialList() {
        ListTotals totals = queries.totals(DirectoryFilter.official(TODAY));

        assertThat(totals.sisterCities()).isEqualTo(38);
        assertThat(totals.exchangeCities()).isEqualTo(69);
        assertThat(totals.cities()).isEqualTo(107);
        assertThat(totals.countries()).isEqualTo(68);
        assertThat(jdbc.sql("select count(*) from country").query(Integer.class).single()).isEqualTo(68);
    }

    @Test
    void keepsAucklandAndOaklandApartAsTwoPartners() {
        List<PartnerRow> aokelan = listed().stream().filter(row -> row.nameZh().equals("奥克兰")).toList();

        assertThat(aokelan).extracting(PartnerRow::nameEn, PartnerRow::countryIso2, PartnerRow::list, PartnerRow::seq)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Auckland", "NZ", PartnerList.SISTER, 9),
                        org.assertj.core.groups.Tuple.tuple("Oakland", "US", PartnerList.EXCHANGE, 38));
    }

    @Test
    void joinsEveryRowWithItsEnglishNameCountryAndCoordinates() {
        List<PartnerRow> rows = listed();

        assertThat(rows).allSatisfy(row -> {
            assertThat(row.nameEn()).isNotBlank();
            assertThat(row.latitude()).isBetween(-90.0, 90.0);
            assertThat(row.longitude()).isBetween(-180.0, 180.0);
        });
        PartnerRow fukuoka = rows.getFirst();
        assertThat(fukuoka.nameZh()).isEqualTo("福冈");
        assertThat(fukuoka.nameEn()).isEqualTo("Fukuoka");
        assertThat(fukuoka.countryEn()).isEqualTo("Japan");
        assertThat(fukuoka.signedOn()).isEqualTo(LocalDate.of(1979, 5, 2));
        PartnerRow kinshasa = find(rows, "金沙萨");
        assertThat(kinshasa.countryIso2()).isEqualTo("CD");
        assertThat(kinshasa.countryZh()).isEqualTo("刚果(金)");
        PartnerRow guam = find(rows, "关岛");
        assertThat(guam.countryIso2()).isEqualTo("US");
        assertThat(guam.adminLevel()).isEqualTo(AdminLevel.TERRITORY);
        PartnerRow pest = find(rows, "佩斯州");
        assertThat(pest.nameEn()).isEqualTo("Pest County");
        assertThat(pest.adminLevel()).isEqualTo(AdminLevel.COUNTY);
        PartnerRow sanFrancisco = rows.getLast();
        assertThat(sanFrancisco.nameEn()).isEqualTo("San Francisco");
        assertThat(sanFrancisco.seq()).isEqualTo(69);
        assertThat(sanFrancisco.signedOn()).isEqualTo(LocalDate.of(2024, 7, 23));
    }

    @Test
    void writesTheOfficialTablesFromTheDatabaseLineForLine() {
        String seed = SeedImport.resource(SeedImport.OFFICIAL_LIST);
        StringWriter out = new StringWriter();
        export.write(DirectoryFilter.official(TODAY), out);
        String written = out.toString();

        assertThat(tableLines(written, "广州市国际友好城市一览"))
                .containsExactlyElementsOf(tableLines(seed, "广州市国际友好城市一览"))
                .hasSize(39);
        assertThat(tableLines(written, "广州市国际友好合作交流城市一览"))
                .containsExactlyElementsOf(tableLines(seed, "广州市国际友好合作交流城市一览"))
                .hasSize(70);
        assertThat(written).contains("以上合计，广州与 68 个国家的 107 个城市建立了友好关系。");
    }

    @Test
    void showsTheListsAsTheyStoodOnAnEarlierDate() {
        ListTotals endOf2012 = queries.totals(DirectoryFilter.official(LocalDate.of(2012, 12, 31)));

        assertThat(endOf2012.sisterCities()).isEqualTo(31);
        assertThat(endOf2012.exchangeCities()).isEqualTo(14);
    }

    @Test
    void aMalformedListWritesNothing() {
        String official = """
                广州市国际友好城市一览

                序\t城市名称\t国家\t签约时间
                01.\t测试城甲\t日本\t2020.01.01
                02.\t测试城乙\t日本\t2019.13.01
                -----\t------\t-----\t------------

                以上合计，广州与 1 个国家的 2 个城市建立了友好关系。
                """;
        String reference = """
                list,seq,name_zh,country_zh,country_iso2,country_en,name_en,admin_level,lat,lon,source
                友好城市,01,测试城甲,日本,JP,Japan,Test A,city,35,139,test
                友好城市,02,测试城乙,日本,JP,Japan,Test B,city,35,139,test
                """;
        String countries = "iso2,name_zh,name_en,continent\nJP,日本,Japan,ASIA\n";
        int partnersBefore = count("partner");
        int revisionsBefore = count("revision");

        assertThatThrownBy(() -> seedImport.importLists(official, reference, countries))
                .isInstanceOf(OfficialListFormatException.class)
                .hasMessageContaining("line 5");

        assertThat(count("partner")).isEqualTo(partnersBefore);
        assertThat(count("revision")).isEqualTo(revisionsBefore);
        assertThat(jdbc.sql("select count(*) from partner where name_zh like '测试城%'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void theSeedLoadIsAttributedToSystem() {
        assertThat(jdbc.sql("""
                        select r.username || ' / ' || r.comment from revision r
                        where r.id = (select min(a.rev) from partner_aud a)
                        """).query(String.class).single())
                .isEqualTo("system / seed: seed/guangzhou-friendship-cities.txt");
    }

    private List<PartnerRow> listed() {
        List<PartnerRow> rows = new ArrayList<>();
        queries.forEach(DirectoryFilter.official(TODAY), rows::add);
        return rows;
    }

    private static PartnerRow find(List<PartnerRow> rows, String nameZh) {
        return rows.stream().filter(row -> row.nameZh().equals(nameZh)).findFirst().orElseThrow();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    /** The header and rows of one table section, without the blank lines that the published text has in them. */
    private static List<String> tableLines(String text, String heading) {
        List<String> lines = Arrays.asList(text.split("\n"));
        int header = lines.subList(lines.indexOf(heading), lines.size()).indexOf("序\t城市名称\t国家\t签约时间")
                + lines.indexOf(heading);
        List<String> table = new ArrayList<>();
        for (String line : lines.subList(header, lines.size())) {
            if (line.startsWith("-----") || line.startsWith("注：")) {
                break;
            }
            if (!line.isBlank()) {
                table.add(line);
            }
        }
        return table;
    }
}
