package cn.gz.youcheng.registry.importing;

import cn.gz.youcheng.registry.PartnerList;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** The fixed texts and shapes of the official list as the office publishes it. */
final class OfficialFormat {

    static final String SUBTITLE = "(按签约时间先后顺序排列)";
    static final String HEADER = "序\t城市名称\t国家\t签约时间";
    static final String SEPARATOR = "-----\t------\t-----\t------------";
    static final String NOTE = "注：“国际友好合作交流城市”指的是已签订加强友好合作交流备忘录或意向书的城市";
    static final String TOTAL_TEMPLATE = "以上合计，广州与 %d 个国家的 %d 个城市建立了友好关系。";
    static final Pattern TOTAL = Pattern.compile("以上合计，广州与\\s*(\\d+)\\s*个国家的\\s*(\\d+)\\s*个城市建立了友好关系。?");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu.MM.dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private OfficialFormat() {
    }

    static String heading(PartnerList list) {
        return "广州市国际" + list.officialName() + "一览";
    }

    static String sequence(int seq) {
        return String.format("%02d.", seq);
    }
}
