package cn.gz.youcheng.directory.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a selection, in the official order, and where the next page is. */
@Schema(description = "One page of the partners a filter selects, in the official order")
record PartnerPage(
        @Schema(description = "The date the lists stand on") LocalDate asOf,
        @Schema(description = "How many partners the filter selects in all") int total,
        List<ListedPartner> partners,
        @Schema(description = "The address of the next page; null on the last. Its cursor is valid until the "
                + "registry changes, then the address answers 409 and the reader starts again") @Nullable String next) {
}
