package cn.gz.youcheng.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.registry.PartnerList;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfficialListWriterTest {

    @Test
    void writesWhatTheParserReadsBack() {
        OfficialList list = OfficialListParser.parse(SeedImport.resource(SeedImport.OFFICIAL_LIST));

        assertThat(OfficialListParser.parse(OfficialListWriter.write(list))).isEqualTo(list);
    }

    @Test
    void countsTheTotalSentenceFromTheRows() {
        OfficialList list = new OfficialList(
                List.of(new OfficialEntry(PartnerList.SISTER, 1, "福冈", "日本", LocalDate.of(1979, 5, 2))),
                List.of(new OfficialEntry(PartnerList.EXCHANGE, 1, "大分", "日本", LocalDate.of(1997, 10, 9)),
                        new OfficialEntry(PartnerList.EXCHANGE, 2, "关岛", "美国", LocalDate.of(2002, 3, 28))));

        String text = OfficialListWriter.write(list);

        assertThat(text).endsWith("以上合计，广州与 2 个国家的 3 个城市建立了友好关系。\n");
        assertThat(text).contains("01.\t福冈\t日本\t1979.05.02\n-----\t------\t-----\t------------\n");
        assertThat(text).contains("02.\t关岛\t美国\t2002.03.28\n");
    }
}
