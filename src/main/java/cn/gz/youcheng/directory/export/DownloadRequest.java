package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.CountryOption;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * What every download shares (the printable list too): the directory's filters from the query string, and caching by the
 * registry's latest change, so that browsers, {@code curl -z} and caches re-download only after a change.
 */
public record DownloadRequest(DirectoryParameters.Parsed parsed, DirectoryQueries.DataVersion version, String etag) {

    /** A header listing the parameters that were ignored, since a download has no page to show a notice on. */
    public static final String IGNORED_HEADER = "X-Ignored-Parameters";

    public static DownloadRequest of(HttpServletRequest request, DirectoryQueries queries, String variant) {
        Map<String, List<String>> parameters = request.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> Arrays.asList(entry.getValue())));
        Set<String> countries = queries.countries().stream().map(CountryOption::iso2).collect(Collectors.toSet());
        LocalDate today = queries.today();
        DirectoryParameters.Parsed parsed = DirectoryParameters.parse(parameters, countries, today);
        DirectoryQueries.DataVersion version = queries.dataVersion();
        // The same filter on the same data on the same day is the same file.
        String identity = variant + '|' + version.revision() + '|' + parsed.filter().asOf() + '|'
                + DirectoryParameters.format(parsed.filter(), today) + '|' + today;
        return new DownloadRequest(parsed, version, etag(identity));
    }

    public DirectoryFilter filter() {
        return parsed.filter();
    }

    /** True if the client's copy is current; the 304 answer is then already set on the response. */
    public boolean notModified(HttpServletRequest request, HttpServletResponse response) {
        return new ServletWebRequest(request, response).checkNotModified(etag, version.changedAt().toEpochMilli());
    }

    /** @param fileName the name a browser saves it as; null for a document that is read where it is */
    public void writeHeaders(HttpServletResponse response, String contentType, @Nullable String fileName) {
        response.setContentType(contentType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (fileName != null) {
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        }
        // Public and shareable, but always revalidated: the ETag makes that cheap.
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePublic().getHeaderValue());
        if (!parsed.ignored().isEmpty()) {
            response.setHeader(IGNORED_HEADER, parsed.ignored().stream()
                    .map(DirectoryParameters.Ignored::toString).collect(Collectors.joining(", ")));
        }
    }

    String fileName(String base, String extension) {
        return base + "-" + filter().asOf() + "." + extension;
    }

    /** A strong ETag for a response that is the same whenever its identity is: a digest of the identity. */
    public static String etag(String identity) {
        return '"' + sha256(identity).substring(0, 32) + '"';
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
