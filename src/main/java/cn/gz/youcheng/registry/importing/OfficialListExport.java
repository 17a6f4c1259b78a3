package cn.gz.youcheng.registry.importing;

import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PartnerRow;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official list as it stands in the registry on a date, in the published text format. A filtered
 * list keeps the official sequence numbers and counts its own total.
 */
// The official list, as published: for every visitor.
@Service
@Transactional(readOnly = true)
@PreAuthorize("permitAll()")
public class OfficialListExport {

    private final DirectoryQueries queries;

    OfficialListExport(DirectoryQueries queries) {
        this.queries = queries;
    }

    public OfficialList officialList(DirectoryFilter filter) {
        // The official lists hold only partners with an active agreement, whatever status was asked for.
        DirectoryFilter listed = filter.withStatus(AgreementStatus.ACTIVE);
        List<OfficialEntry> sister = new ArrayList<>();
        List<OfficialEntry> exchange = new ArrayList<>();
        queries.forEach(listed, row -> (row.list() == PartnerList.SISTER ? sister : exchange).add(entry(row)));
        return new OfficialList(sister, exchange);
    }

    public void write(DirectoryFilter filter, Writer out) {
        OfficialListWriter.write(officialList(filter), out);
    }

    private static OfficialEntry entry(PartnerRow row) {
        // Only the official lists are written, and every partner on them has its number.
        return new OfficialEntry(row.list(), Objects.requireNonNull(row.seq(), "an official row's number"), row.nameZh(),
                row.countryZh(), row.signedOn());
    }
}
