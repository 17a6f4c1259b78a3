package cn.gz.youcheng.directory.api;

import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.directory.DirectoryFilterParameters;
import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.directory.export.DownloadRequest;
import cn.gz.youcheng.registry.CountryOption;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.PartnerDetailsQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /api/v1/partners}: the directory's selection as JSON pages, with the directory's filters and its
 * query layer (the grid, the downloads and this read the same {@link DirectoryQueries}), and
 * {@code /api/v1/partners/{id}}: one partner with its agreements. Open to scripts on any site (CORS, GET
 * only: nothing here changes anything). Unlike the directory, which shows what it could make of an address,
 * a program is told at once when a parameter is malformed (400).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@CrossOrigin(origins = "*", methods = RequestMethod.GET, maxAge = 86_400)
@Tag(name = "partners", description = "Guangzhou's international partner cities")
class PartnersApi {

    static final int DEFAULT_LIMIT = 100;
    static final int MOST_LIMIT = 1_000;
    private static final String CURSOR = "cursor";
    private static final String LIMIT = "limit";
    /** Every ISO country code: a code without partners selects none rather than being malformed. */
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final DirectoryQueries queries;
    private final PartnerDetailsQueries details;

    PartnersApi(DirectoryQueries queries, PartnerDetailsQueries details) {
        this.queries = queries;
        this.details = details;
    }

    @GetMapping("/partners")
    @Operation(summary = "Partners a filter selects, a page at a time",
            description = "The directory's filters as in its address; the official order (sister cities first, "
                    + "each list by its number). Follow `next` for the following page.")
    @DirectoryFilterParameters
    @Parameter(name = LIMIT, description = "Partners per page, 1 to " + MOST_LIMIT, schema = @Schema(type = "integer",
            defaultValue = "" + DEFAULT_LIMIT, minimum = "1", maximum = "" + MOST_LIMIT))
    @Parameter(name = CURSOR, description = "Where a page starts: as `next` gives it", schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "A page of partners")
    @ApiResponse(responseCode = "400", description = "A malformed parameter",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The registry changed since the cursor was given: start again",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @Nullable PartnerPage partners(@Parameter(hidden = true) HttpServletRequest request,
            @Parameter(hidden = true) HttpServletResponse response, @Parameter(hidden = true) WebRequest web) {
        Map<String, List<String>> parameters = parameters(request);
        int limit = limit(parameters.get(LIMIT));
        Map<String, List<String>> filters = parameters.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(LIMIT) && !entry.getKey().equals(CURSOR))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        LocalDate today = queries.today();
        Set<String> countries = Stream.concat(ISO_COUNTRIES.stream(), queries.countries().stream().map(CountryOption::iso2))
                .collect(Collectors.toSet());
        DirectoryParameters.Parsed parsed = DirectoryParameters.parse(filters, countries, today);
        if (!parsed.ignored().isEmpty()) {
            DirectoryParameters.Ignored first = parsed.ignored().getFirst();
            throw new ApiRefusal(HttpStatus.BAD_REQUEST, Message.of("download.error.parameter", first.parameter(), first.value()));
        }
        DirectoryQueries.DataVersion version = queries.dataVersion();
        int offset = offset(parameters.get(CURSOR), version);
        if (notModified(web, response, version, "partners|" + request.getQueryString() + '|' + today)) {
            return null;
        }
        DirectoryFilter filter = parsed.filter();
        String pages = ServletUriComponentsBuilder.fromCurrentContextPath().path("/partners/").toUriString();
        List<ListedPartner> partners = queries.page(filter, List.of(), offset, limit).stream()
                .map(row -> ListedPartner.of(row, pages)).toList();
        int total = queries.count(filter);
        String next = offset + partners.size() < total && !partners.isEmpty()
                ? nextPage(filter, today, limit, cursor(version, offset + partners.size())) : null;
        return new PartnerPage(filter.asOf(), total, partners, next);
    }

    @GetMapping("/partners/{id}")
    @Operation(summary = "One partner with its agreements and their public status history",
            description = "Where it stood on `asOf` (today by default), its identifiers and every agreement.")
    @Parameter(name = DirectoryParameters.AS_OF, description = "The date to stand on, yyyy-MM-dd (today by default)",
            schema = @Schema(type = "string", format = "date"))
    @ApiResponse(responseCode = "200", description = "The partner")
    @ApiResponse(responseCode = "404", description = "No partner has this id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @Nullable PartnerRecord partner(@Parameter(description = "The partner's id, as in /partners/{id}") @PathVariable String id,
            @Parameter(hidden = true) HttpServletRequest request, @Parameter(hidden = true) HttpServletResponse response,
            @Parameter(hidden = true) WebRequest web) {
        Long partnerId = DirectoryParameters.partnerId(id);
        LocalDate today = queries.today();
        DirectoryParameters.Parsed parsed = DirectoryParameters.parse(parameters(request), Set.of(), today);
        if (parsed.ignored().stream().anyMatch(ignored -> ignored.parameter().equals(DirectoryParameters.AS_OF))) {
            throw new ApiRefusal(HttpStatus.BAD_REQUEST, Message.of("download.error.parameter", DirectoryParameters.AS_OF,
                    request.getParameter(DirectoryParameters.AS_OF)));
        }
        DirectoryQueries.DataVersion version = queries.dataVersion();
        if (partnerId == null) {
            throw new ApiRefusal(HttpStatus.NOT_FOUND, Message.of("api.error.no-partner", id));
        }
        if (notModified(web, response, version, "partner|" + partnerId + '|' + request.getQueryString() + '|' + today)) {
            return null;
        }
        String pages = ServletUriComponentsBuilder.fromCurrentContextPath().path("/partners/").toUriString();
        return details.partner(partnerId, parsed.filter().asOf()).map(partner -> PartnerRecord.of(partner, pages))
                .orElseThrow(() -> new ApiRefusal(HttpStatus.NOT_FOUND, Message.of("api.error.no-partner", id)));
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        return request.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> Arrays.asList(entry.getValue())));
    }

    private static int limit(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        String value = values.getFirst();
        if (!value.matches("[0-9]{1,4}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MOST_LIMIT) {
            throw new ApiRefusal(HttpStatus.BAD_REQUEST, Message.of("download.error.parameter", LIMIT, value));
        }
        return Integer.parseInt(value);
    }

    /**
     * A cursor is the registry's version and a position in the order. Positions move when the registry
     * changes, so a cursor of an older version is refused rather than followed to a page that skips or repeats
     * partners.
     */
    private static int offset(@Nullable List<String> values, DirectoryQueries.DataVersion version) {
        if (values == null || values.isEmpty()) {
            return 0;
        }
        String value = values.getFirst();
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":");
        } catch (IllegalArgumentException e) {
            throw new ApiRefusal(HttpStatus.BAD_REQUEST, Message.of("download.error.parameter", CURSOR, value));
        }
        if (parts.length != 3 || !parts[0].equals("v1") || !parts[1].matches("[0-9]{1,18}") || !parts[2].matches("[0-9]{1,9}")) {
            throw new ApiRefusal(HttpStatus.BAD_REQUEST, Message.of("download.error.parameter", CURSOR, value));
        }
        if (Long.parseLong(parts[1]) != version.revision()) {
            throw new ApiRefusal(HttpStatus.CONFLICT, Message.of("api.error.cursor-outdated"));
        }
        return Integer.parseInt(parts[2]);
    }

    private static String cursor(DirectoryQueries.DataVersion version, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + version.revision() + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static String nextPage(DirectoryFilter filter, LocalDate today, int limit, String cursor) {
        UriComponentsBuilder next = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/partners");
        // The filter as the directory writes it, with the date pinned: a harvest that runs past midnight stays
        // on one day's lists.
        DirectoryParameters.format(filter, today).forEach((name, values) -> next.queryParam(name, values.toArray()));
        if (filter.asOf().equals(today)) {
            next.queryParam(DirectoryParameters.AS_OF, today.toString());
        }
        if (limit != DEFAULT_LIMIT) {
            next.queryParam(LIMIT, limit);
        }
        return next.queryParam(CURSOR, cursor).encode().toUriString();
    }

    /** The same answer for the same question on the same registry and day: a conditional GET costs one query. */
    private static boolean notModified(WebRequest web, HttpServletResponse response,
            DirectoryQueries.DataVersion version, String question) {
        String etag = DownloadRequest.etag(version.revision() + "|" + question);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePublic().getHeaderValue());
        // Spring's own request: when it is not modified, Spring answers 304 with no body.
        return web.checkNotModified(etag, version.changedAt().toEpochMilli());
    }
}
