package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Translations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The partners CSV described by W3C CSV on the Web (a table description: https://www.w3.org/TR/tabular-metadata/):
 * every column's name as in the header row, its datatype, and its titles in Chinese and English; who
 * publishes it, on what licence, with the coordinates' credit. A portal or a validator reads the file with
 * it as it is. The columns are {@link PartnerCsv#COLUMNS}, so the two cannot drift apart.
 */
final class CsvMetadata {

    private CsvMetadata() {
    }

    /**
     * @param csv the file described, relative to the metadata's own address: {@code partners.csv} with the
     *     same filters
     * @param modified when the registry last changed
     */
    static Map<String, Object> of(String csv, Instant modified, OpenDataProperties publisher) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("@context", List.of("http://www.w3.org/ns/csvw", Map.of("@language", "en")));
        table.put("url", csv);
        table.put("dc:title", inBothLanguages("csv.title"));
        table.put("dc:description", inBothLanguages("csv.description"));
        table.put("dc:publisher", List.of(Map.of("@value", publisher.publisherZh(), "@language", "zh"),
                Map.of("@value", publisher.publisherEn(), "@language", "en")));
        table.put("dc:license", Map.of("@id", publisher.licence()));
        table.put("dc:source", DownloadController.COORDINATES_CREDIT);
        table.put("dc:modified", Map.of("@value", modified.toString(), "@type", "xsd:dateTime"));
        // UTF-8, with or without the byte order mark (bom=false), a header row, CRLF: RFC 4180.
        table.put("dialect", Map.of("encoding", "utf-8", "header", true, "lineTerminators", List.of("\r\n")));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (PartnerCsv.Column column : PartnerCsv.COLUMNS) {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("name", column.name());
            // The header cell itself is one of the English titles, which is how a reader matches the two.
            described.put("titles", Map.of(
                    "en", List.of(column.name(), text("csv.column." + column.name(), Locale.ENGLISH)),
                    "zh", text("csv.column." + column.name(), Locale.CHINESE)));
            described.put("datatype", column.datatype());
            described.put("required", !column.optional());
            if (column.optional()) {
                described.put("null", "");
            }
            if (column.valueUrl() != null) {
                described.put("valueUrl", column.valueUrl());
            }
            columns.add(described);
        }
        // Each row is about the partner whose page is /partners/{id}; the template resolves against this
        // description's own address, /export/….
        table.put("tableSchema", Map.of("columns", columns, "primaryKey", "id", "aboutUrl", "../partners/{id}"));
        return table;
    }

    private static List<Map<String, String>> inBothLanguages(String key) {
        return List.of(Map.of("@value", text(key, Locale.CHINESE), "@language", "zh"),
                Map.of("@value", text(key, Locale.ENGLISH), "@language", "en"));
    }

    private static String text(String key, Locale language) {
        return Translations.text(Message.of(key), language);
    }
}
