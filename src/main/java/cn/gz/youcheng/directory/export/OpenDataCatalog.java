package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Translations;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.registry.query.Statistics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The datasets the registry publishes and their files, described once: the DCAT catalogue
 * ({@code /export/catalog.jsonld}, for open-data portals) and the directory's schema.org {@code Dataset}
 * (in its first HTML, for search engines' dataset search) both say what is here (decision record 0023).
 */
@Component
public class OpenDataCatalog {

    /** A file of a dataset: its path below the application's root, media type and format's name. */
    record Distribution(String path, String mediaType, String format, @Nullable String describedBy) {
    }

    /** A dataset: its id (a fragment of the catalogue's address), the keys of its title and description. */
    record Dataset(String id, String title, String description, List<Distribution> distributions) {
    }

    static final List<Dataset> DATASETS = List.of(
            new Dataset("partners", "csv.title", "csv.description", List.of(
                    new Distribution("export/partners.csv", "text/csv", "CSV", "export/partners.csv-metadata.json"),
                    new Distribution("export/partners.xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", null),
                    new Distribution("export/partners.json", "application/json", "JSON", null))),
            new Dataset("official-list", "catalog.official.title", "catalog.official.description", List.of(
                    new Distribution("export/official.txt", "text/plain", "TXT", null))),
            new Dataset("exchanges", "catalog.exchanges.title", "catalog.exchanges.description", List.of(
                    new Distribution("export/exchanges.csv", "text/csv", "CSV", null),
                    new Distribution("export/exchanges.json", "application/json", "JSON", null))));

    /** Guangzhou in GeoNames: where the data is about, as a portal links places. */
    private static final String GUANGZHOU = "https://sws.geonames.org/1809858/";
    private static final String IANA = "https://www.iana.org/assignments/media-types/";

    private final DirectoryQueries queries;
    private final OpenDataProperties publisher;
    private final ObjectMapper json;

    OpenDataCatalog(DirectoryQueries queries, OpenDataProperties publisher, ObjectMapper json) {
        this.queries = queries;
        this.publisher = publisher;
        this.json = json;
    }

    /**
     * The catalogue in DCAT (https://www.w3.org/TR/vocab-dcat-3/) as JSON-LD.
     *
     * @param origin scheme, host, port and context path, as the client addressed the server
     */
    Map<String, Object> dcat(String origin) {
        String modified = queries.dataVersion().changedAt().toString();
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("@context", Map.of("dcat", "http://www.w3.org/ns/dcat#", "dct", "http://purl.org/dc/terms/",
                "foaf", "http://xmlns.com/foaf/0.1/", "xsd", "http://www.w3.org/2001/XMLSchema#"));
        catalog.put("@id", origin + "/export/catalog.jsonld");
        catalog.put("@type", "dcat:Catalog");
        catalog.put("dct:title", both("catalog.title"));
        catalog.put("dct:description", both("catalog.description"));
        catalog.put("dct:publisher", organisation());
        catalog.put("dct:license", Map.of("@id", publisher.licence()));
        catalog.put("dct:modified", Map.of("@value", modified, "@type", "xsd:dateTime"));
        catalog.put("dcat:homepage", Map.of("@id", origin + "/"));
        List<Map<String, Object>> datasets = new ArrayList<>();
        int[] years = years();
        for (Dataset dataset : DATASETS) {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("@id", origin + "/export/catalog.jsonld#" + dataset.id());
            described.put("@type", "dcat:Dataset");
            described.put("dct:title", both(dataset.title()));
            described.put("dct:description", both(dataset.description()));
            described.put("dct:publisher", organisation());
            described.put("dct:license", Map.of("@id", publisher.licence()));
            described.put("dct:modified", Map.of("@value", modified, "@type", "xsd:dateTime"));
            // Changed whenever the office records an agreement or a change of one.
            described.put("dct:accrualPeriodicity", Map.of("@id", "http://purl.org/cld/freq/irregular"));
            described.put("dct:temporal", Map.of("@type", "dct:PeriodOfTime",
                    "dcat:startDate", Map.of("@value", String.valueOf(years[0]), "@type", "xsd:gYear"),
                    "dcat:endDate", Map.of("@value", String.valueOf(years[1]), "@type", "xsd:gYear")));
            described.put("dct:spatial", Map.of("@id", GUANGZHOU));
            described.put("dcat:keyword", List.of(Map.of("@value", "友好城市", "@language", "zh"),
                    Map.of("@value", "国际友城", "@language", "zh"), Map.of("@value", "sister cities", "@language", "en"),
                    Map.of("@value", "twin towns", "@language", "en"), Map.of("@value", "Guangzhou", "@language", "en")));
            described.put("dcat:landingPage", Map.of("@id", origin + "/"));
            List<Map<String, Object>> distributions = new ArrayList<>();
            for (Distribution file : dataset.distributions()) {
                Map<String, Object> distribution = new LinkedHashMap<>();
                distribution.put("@type", "dcat:Distribution");
                distribution.put("dct:title", file.format());
                distribution.put("dcat:downloadURL", Map.of("@id", origin + "/" + file.path()));
                distribution.put("dcat:accessURL", Map.of("@id", origin + "/" + file.path()));
                distribution.put("dcat:mediaType", Map.of("@id", IANA + file.mediaType()));
                distribution.put("dct:format", file.format());
                distribution.put("dct:license", Map.of("@id", publisher.licence()));
                distribution.put("dct:modified", Map.of("@value", modified, "@type", "xsd:dateTime"));
                if (file.describedBy() != null) {
                    // Its columns and their datatypes, as CSV on the Web.
                    distribution.put("dct:conformsTo", Map.of("@id", origin + "/" + file.describedBy()));
                }
                distributions.add(distribution);
            }
            described.put("dcat:distribution", distributions);
            datasets.add(described);
        }
        catalog.put("dcat:dataset", datasets);
        return catalog;
    }

    /**
     * The partners dataset as a schema.org {@code Dataset} (as search engines' dataset search reads it), in
     * JSON for a {@code <script type="application/ld+json">} block, in one language.
     */
    public String schemaOrgDataset(String origin, Locale language) {
        Dataset partners = DATASETS.getFirst();
        int[] years = years();
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("@context", "https://schema.org");
        dataset.put("@type", "Dataset");
        dataset.put("@id", origin + "/export/catalog.jsonld#" + partners.id());
        dataset.put("name", text(partners.title(), language));
        dataset.put("description", text(partners.description(), language));
        dataset.put("url", origin + "/");
        dataset.put("inLanguage", List.of("zh", "en"));
        dataset.put("keywords", List.of("友好城市", "sister cities", "twin towns", "Guangzhou"));
        dataset.put("license", publisher.licence());
        dataset.put("isAccessibleForFree", true);
        dataset.put("creator", Map.of("@type", "GovernmentOrganization",
                "name", language.getLanguage().equals("zh") ? publisher.publisherZh() : publisher.publisherEn()));
        dataset.put("dateModified", queries.dataVersion().changedAt().toString());
        dataset.put("temporalCoverage", years[0] + "/" + years[1]);
        dataset.put("spatialCoverage", Map.of("@type", "Place", "name", "Guangzhou", "sameAs", GUANGZHOU));
        dataset.put("distribution", partners.distributions().stream().map(file -> Map.of("@type", "DataDownload",
                "encodingFormat", file.mediaType(), "contentUrl", origin + "/" + file.path())).toList());
        // Inside a script element: no "</" may close it early.
        return json.writeValueAsString(dataset).replace("</", "<\\/");
    }

    /** The first signing year of any partner, and this year. */
    private int[] years() {
        LocalDate today = queries.today();
        Statistics all = queries.statistics(new DirectoryFilter(null, null, Set.of(), Set.of(), null, null, null, today), 1);
        int first = all.perYear().stream().mapToInt(Statistics.YearCount::year).min().orElse(today.getYear());
        return new int[] {first, today.getYear()};
    }

    private Map<String, Object> organisation() {
        return Map.of("@type", "foaf:Organization", "foaf:name", List.of(
                Map.of("@value", publisher.publisherZh(), "@language", "zh"),
                Map.of("@value", publisher.publisherEn(), "@language", "en")));
    }

    private static List<Map<String, String>> both(String key) {
        return List.of(Map.of("@value", text(key, Locale.CHINESE), "@language", "zh"),
                Map.of("@value", text(key, Locale.ENGLISH), "@language", "en"));
    }

    private static String text(String key, Locale language) {
        return Translations.text(Message.of(key), language);
    }
}
