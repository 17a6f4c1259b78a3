package cn.gz.youcheng.directory.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.PartnerRow;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartnerCsvTest {

    @Test
    void quotesCommasAndQuotesAndEndsRecordsWithCrLf() {
        String csv = write(row("Saint-Denis, \"Réunion\"", "法国", -20.88, 55.45));

        assertThat(csv).startsWith("id,list,seq,name_zh,name_en,country_zh,country_en,country_iso2,continent,"
                + "admin_level,signed_on,status,lat,lon,geonames_id,wikidata_qid\r\n");
        assertThat(csv).contains("\r\n1,exchange,7,");
        assertThat(csv).contains("\"Saint-Denis, \"\"Réunion\"\"\"");
        assertThat(csv).endsWith(",-20.88,55.45,6690283,Q47045\r\n");
    }

    @Test
    void aValueWithALineBreakOrControlCharacterStillMakesOneRecordOnOneLine() {
        // The database refuses such names (V9); the writer holds even if one got there.
        String csv = write(row("Saint-Denis\r\nnorth\u2028side\u0007", "法\n国", -20.88, 55.45));

        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains(",Saint-Denis  north side,").contains(",法 国,").doesNotContain("\n北");
    }

    @Test
    void neutralisesTextThatASpreadsheetWouldRunAsAFormula() {
        String csv = write(row("=HYPERLINK(\"http://evil\")", "@SUM(A1)", -122.27, 37.8));

        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(csv).contains("'@SUM(A1)");
        assertThat(PartnerCsv.text("+1")).isEqualTo("'+1");
        assertThat(PartnerCsv.text("-1")).isEqualTo("'-1");
        assertThat(PartnerCsv.text("\t=x")).as("a tab is no line of its own, and what follows is still neutralised")
                .isEqualTo("'=x");
        assertThat(csv).as("numbers are not text").contains(",-122.27,37.8,6690283,Q47045\r\n");
    }

    private static String write(PartnerRow row) {
        StringBuilder out = new StringBuilder();
        try (PartnerCsv csv = new PartnerCsv(out)) {
            csv.print(row);
        }
        return out.toString();
    }

    private static PartnerRow row(String nameEn, String countryZh, double lat, double lon) {
        return new PartnerRow(1, PartnerList.EXCHANGE, 7, "测试", nameEn, "FR", countryZh, "France", Continent.EUROPE,
                AdminLevel.CITY, LocalDate.of(2020, 1, 2), AgreementStatus.ACTIVE, lat, lon, 6690283L, "Q47045");
    }
}
