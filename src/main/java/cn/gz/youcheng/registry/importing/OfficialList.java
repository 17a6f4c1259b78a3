package cn.gz.youcheng.registry.importing;

import cn.gz.youcheng.registry.PartnerList;
import java.util.List;
import java.util.stream.Stream;

/** The two tables of the official list, each in its published order. */
public record OfficialList(List<OfficialEntry> sisterCities, List<OfficialEntry> exchangeCities) {

    public OfficialList {
        sisterCities = List.copyOf(sisterCities);
        exchangeCities = List.copyOf(exchangeCities);
    }

    public List<OfficialEntry> entries(PartnerList list) {
        return list == PartnerList.SISTER ? sisterCities : exchangeCities;
    }

    public Stream<OfficialEntry> all() {
        return Stream.concat(sisterCities.stream(), exchangeCities.stream());
    }

    public int cityCount() {
        return sisterCities.size() + exchangeCities.size();
    }

    /** Countries are counted by the office's Chinese name, as the published total sentence does. */
    public int countryCount() {
        return (int) all().map(OfficialEntry::countryZh).distinct().count();
    }
}
