package cn.gz.youcheng.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gz.youcheng.registry.PartnerList;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OfficialListParserTest {

    private static final String SEED = SeedImport.resource(SeedImport.OFFICIAL_LIST);

    @Test
    void readsBothTablesOfThePublishedList() {
        OfficialList list = OfficialListParser.parse(SEED);

        assertThat(list.sisterCities()).hasSize(38);
        assertThat(list.exchangeCities()).hasSize(69);
        assertThat(list.cityCount()).isEqualTo(107);
        assertThat(list.countryCount()).isEqualTo(68);
        assertThat(list.sisterCities().getFirst())
                .isEqualTo(new OfficialEntry(PartnerList.SISTER, 1, "福冈", "日本", LocalDate.of(1979, 5, 2)));
        assertThat(list.sisterCities().getLast())
                .isEqualTo(new OfficialEntry(PartnerList.SISTER, 38, "蒙巴萨郡", "肯尼亚", LocalDate.of(2018, 11, 27)));
        assertThat(list.exchangeCities().getLast())
                .isEqualTo(new OfficialEntry(PartnerList.EXCHANGE, 69, "旧金山", "美国", LocalDate.of(2024, 7, 23)));
    }

    @Test
    void acceptsWindowsLineEndsAndAByteOrderMark() {
        OfficialList list = OfficialListParser.parse("\uFEFF" + SEED.replace("\n", "\r\n"));

        assertThat(list.cityCount()).isEqualTo(107);
    }

    @Test
    void rejectsAnImpossibleDateNamingItsLine() {
        String text = SEED.replace("01.\t福冈\t日本\t1979.05.02", "01.\t福冈\t日本\t2019.13.01");

        assertThatThrownBy(() -> OfficialListParser.parse(text))
                .isInstanceOfSatisfying(OfficialListFormatException.class, e -> assertThat(e.line()).isEqualTo(8))
                .hasMessageContaining("line 8")
                .hasMessageContaining("the signing date “2019.13.01” is not a real date");
    }

    @Test
    void rejectsARowWithAMissingColumn() {
        String text = SEED.replace("02.\t洛杉矶\t美国\t1981.12.08", "02.\t洛杉矶\t1981.12.08");

        assertThatThrownBy(() -> OfficialListParser.parse(text))
                .isInstanceOf(OfficialListFormatException.class)
                .hasMessageContaining("line 9")
                .hasMessageContaining("expected 4 tab-separated columns")
                .hasMessageContaining("found 3");
    }

    @Test
    void rejectsADuplicateSequenceNumber() {
        String text = SEED.replace("03.\t马尼拉\t菲律宾\t1982.11.05", "02.\t马尼拉\t菲律宾\t1982.11.05");

        assertThatThrownBy(() -> OfficialListParser.parse(text))
                .isInstanceOf(OfficialListFormatException.class)
                .hasMessageContaining("line 10")
                .hasMessageContaining("the sequence number 02. appears twice in the Sister city list");
    }

    @Test
    void rejectsAnUnknownHeading() {
        String text = SEED.replace("广州市国际友好合作交流城市一览", "广州市国际友好港口一览");

        assertThatThrownBy(() -> OfficialListParser.parse(text))
                .isInstanceOf(OfficialListFormatException.class)
                .hasMessageContaining("line 49")
                .hasMessageContaining("unknown heading “广州市国际友好港口一览”");
    }

    @Test
    void rejectsATotalSentenceThatDisagreesWithTheTables() {
        String text = SEED.replace("广州与 68 个国家的 107 个城市", "广州与 68 个国家的 104 个城市");

        assertThatThrownBy(() -> OfficialListParser.parse(text))
                .isInstanceOf(OfficialListFormatException.class)
                .hasMessageContaining("says 68 countries and 104 cities")
                .hasMessageContaining("list 68 countries and 107 cities");
    }

    @Test
    void rejectsRowsOutOfSigningDateOrder() {
        String text = SEED.replace("02.\t洛杉矶\t美国\t1981.12.08", "02.\t洛杉矶\t美国\t1978.12.08");

        assertThatThrownBy(() -> OfficialListParser.parse(text))
                .isInstanceOf(OfficialListFormatException.class)
                .hasMessageContaining("line 9")
                .hasMessageContaining("earlier than the row before");
    }

    @Test
    void rejectsAPartnerListedTwice() {
        String text = SEED.replace("69.\t旧金山\t美国\t2024.07.23", "69.\t洛杉矶\t美国\t2024.07.23");

        assertThatThrownBy(() -> OfficialListParser.parse(text))
                .isInstanceOf(OfficialListFormatException.class)
                .hasMessageContaining("洛杉矶 (美国) is listed twice (first on line 9)");
    }

    @Test
    void rejectsATextWithoutItsClosingTotal() {
        String text = SEED.substring(0, SEED.indexOf("以上合计"));

        assertThatThrownBy(() -> OfficialListParser.parse(text))
                .isInstanceOf(OfficialListFormatException.class)
                .hasMessageContaining("ends without the closing total sentence");
    }
}
