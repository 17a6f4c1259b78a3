package cn.gz.youcheng.registry.importing;

import cn.gz.youcheng.registry.PartnerList;
import java.time.LocalDate;

/** One row of the official list: 序, 城市名称, 国家, 签约时间. */
public record OfficialEntry(PartnerList list, int seq, String nameZh, String countryZh, LocalDate signedOn) {
}
