package cn.gz.youcheng.registry.importing;

import cn.gz.youcheng.registry.DirectoryQueries;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.PartnerRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The official list as it stands in the registry on a date, in the published text format. */
@Service
@Transactional(readOnly = true)
public class OfficialListExport {

    private final DirectoryQueries queries;

    OfficialListExport(DirectoryQueries queries) {
        this.queries = queries;
    }

    public OfficialList officialList(LocalDate asOf) {
        List<OfficialEntry> sister = new ArrayList<>();
        List<OfficialEntry> exchange = new ArrayList<>();
        queries.forEachListed(asOf, row -> (row.list() == PartnerList.SISTER ? sister : exchange).add(entry(row)));
        return new OfficialList(sister, exchange);
    }

    public String officialText(LocalDate asOf) {
        return OfficialListWriter.write(officialList(asOf));
    }

    private static OfficialEntry entry(PartnerRow row) {
        return new OfficialEntry(row.list(), row.seq(), row.nameZh(), row.countryZh(), row.signedOn());
    }
}
