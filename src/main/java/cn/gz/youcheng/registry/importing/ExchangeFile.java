package cn.gz.youcheng.registry.importing;

import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.registry.CommandRules;
import cn.gz.youcheng.registry.ExchangeEditing;
import cn.gz.youcheng.registry.ExchangeKind;
import cn.gz.youcheng.registry.ExchangeService;
import cn.gz.youcheng.registry.ExchangeTheme;
import cn.gz.youcheng.registry.Partner;
import cn.gz.youcheng.registry.RegistryCommands.SaveExchange;
import cn.gz.youcheng.registry.RegistryValidationException.Problem;
import cn.gz.youcheng.registry.importing.BulkImport.Outcome;
import cn.gz.youcheng.registry.importing.BulkImport.Plan;
import cn.gz.youcheng.registry.importing.BulkImport.Preview;
import cn.gz.youcheng.registry.importing.BulkImport.Row;
import cn.gz.youcheng.registry.repository.PartnerRepository;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A CSV of exchanges in the columns of {@code /export/exchanges.csv}, planned as the partner import is: each row
 * new, unchanged (the partner already has an exchange of that day, kind and titles) or in error with its
 * reason under its column; applied all or nothing by {@link BulkImport}. The partner is the row's
 * {@code partner_id}, or its {@code partner_name_zh} and {@code country_iso2}. An import adds exchanges; it
 * never changes or deletes one. A row is internal unless its {@code published} column says otherwise, so that
 * a file never publishes by leaving something out.
 */
@Component
class ExchangeFile {

    static final Set<String> REQUIRED_COLUMNS = Set.of("starts_on", "kind", "themes");

    /** The file's column for each field of the request, to say where a row breaks a rule. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("startsOn", "starts_on"),
            Map.entry("endsOn", "ends_on"), Map.entry("kind", "kind"), Map.entry("themes", "themes"),
            Map.entry("titleZh", "title_zh"), Map.entry("titleEn", "title_en"), Map.entry("summaryZh", "summary_zh"),
            Map.entry("summaryEn", "summary_en"), Map.entry("guangzhouUnit", "guangzhou_unit"),
            Map.entry("partnerUnit", "partner_unit"), Map.entry("participants", "participants"),
            Map.entry("sourceUrl", "source_url"));

    private final PartnerRepository partners;
    private final ExchangeService exchanges;
    private final CommandRules rules;

    ExchangeFile(PartnerRepository partners, ExchangeService exchanges, CommandRules rules) {
        this.partners = partners;
        this.exchanges = exchanges;
        this.rules = rules;
    }

    Plan plan(String fileName, String text, String headerLine) {
        if (!headerLine.contains(",") && (headerLine.contains(";") || headerLine.contains("\t"))) {
            return BulkImport.rejected(fileName, Message.of("import.error.delimiter"));
        }
        List<Row> rows = new ArrayList<>();
        List<Runnable> actions = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Map<String, Integer> firstRows = new HashMap<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).sorted().toList();
            if (!parser.getHeaderMap().containsKey("partner_id") && !(parser.getHeaderMap().containsKey("partner_name_zh")
                    && parser.getHeaderMap().containsKey("country_iso2"))) {
                missing = java.util.stream.Stream.concat(missing.stream(), java.util.stream.Stream.of("partner_id")).toList();
            }
            if (!missing.isEmpty()) {
                return BulkImport.rejected(fileName, Message.of("import.error.missing-columns", String.join(", ", missing)));
            }
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                if (number > BulkImport.MAX_ROWS) {
                    return BulkImport.rejected(fileName, Message.of("import.error.too-many-rows"));
                }
                rows.add(row(number, record, actions, seen, firstRows));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            return BulkImport.rejected(fileName, Message.of("import.error.malformed-csv"));
        }
        return new Plan(new Preview(fileName, null, rows, Map.copyOf(seen)), actions);
    }

    private Row row(int number, CSVRecord record, List<Runnable> actions, Map<String, String> seen,
            Map<String, Integer> firstRows) {
        String nameZh = Text.oneLine(BulkImport.get(record, "partner_name_zh"));
        String iso2 = BulkImport.get(record, "country_iso2").toUpperCase(Locale.ROOT);
        Optional<Partner> found;
        String partnerId = BulkImport.get(record, "partner_id");
        if (!partnerId.isEmpty()) {
            found = partnerId.matches("[0-9]{1,18}") ? partners.findById(Long.valueOf(partnerId)) : Optional.empty();
        } else {
            found = partners.findByIdentity(Text.clean(BulkImport.unescape(nameZh)), iso2);
        }
        if (found.isEmpty()) {
            return new Row(number, Outcome.ERROR, nameZh, iso2, Message.of("import.row.no-partner"));
        }
        Partner partner = found.get();
        nameZh = partner.getNameZh();
        iso2 = partner.getCountry().getIso2();
        List<Message> problems = new ArrayList<>();
        LocalDate startsOn = day(record, "starts_on", problems);
        LocalDate endsOn = day(record, "ends_on", problems);
        ExchangeKind kind = null;
        String kindText = BulkImport.get(record, "kind");
        try {
            kind = kindText.isEmpty() ? null : ExchangeKind.valueOf(kindText.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(Message.of("import.row.column", "kind", Message.of("import.row.unknown-value", kindText)));
        }
        Set<ExchangeTheme> themes = EnumSet.noneOf(ExchangeTheme.class);
        for (String theme : BulkImport.get(record, "themes").split("[\\s,;]+")) {
            if (theme.isEmpty()) {
                continue;
            }
            try {
                themes.add(ExchangeTheme.valueOf(theme.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                problems.add(Message.of("import.row.column", "themes", Message.of("import.row.unknown-value", theme)));
            }
        }
        Integer participants = null;
        String participantsText = BulkImport.get(record, "participants");
        if (!participantsText.isEmpty()) {
            if (participantsText.matches("[0-9]{1,7}")) {
                participants = Integer.valueOf(participantsText);
            } else {
                problems.add(Message.of("import.row.not-a-number", "participants", participantsText));
            }
        }
        String publishedText = BulkImport.get(record, "published").toLowerCase(Locale.ROOT);
        boolean published = switch (publishedText) {
            case "true", "yes", "1", "是", "公开" -> true;
            case "", "false", "no", "0", "否", "内部" -> false;
            default -> {
                problems.add(Message.of("import.row.column", "published", Message.of("import.row.unknown-value", publishedText)));
                yield false;
            }
        };
        if (!problems.isEmpty()) {
            return new Row(number, Outcome.ERROR, nameZh, iso2, problems);
        }
        SaveExchange command = new SaveExchange(null, 0, partner.getId(), null, startsOn, endsOn, kind, themes,
                text(record, "title_zh"), text(record, "title_en"), text(record, "summary_zh"), text(record, "summary_en"),
                text(record, "guangzhou_unit"), text(record, "partner_unit"), participants, text(record, "source_url"), published);
        List<Problem> broken = new ArrayList<>(rules.problems(command));
        if (Text.stored(command.titleZh()) == null && Text.stored(command.titleEn()) == null) {
            broken.add(new Problem("titleZh", "validation.title-in-either-language"));
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            broken.add(new Problem("endsOn", "validation.date-before", startsOn));
        }
        if (!broken.isEmpty()) {
            return new Row(number, Outcome.ERROR, nameZh, iso2, broken.stream()
                    .map(problem -> Message.of("import.row.column", COLUMNS.getOrDefault(problem.field(), problem.field()),
                            problem.message())).toList());
        }
        List<ExchangeEditing> recorded = exchanges.exchangesForEditing(partner.getId());
        seen.put("partner " + partner.getId(), recorded.stream().map(e -> e.id() + "@" + e.version()).sorted()
                .collect(Collectors.joining(";")));
        String same = partner.getId() + "\t" + startsOn + "\t" + kind + "\t" + Text.stored(command.titleZh()) + "\t"
                + Text.stored(command.titleEn());
        Integer first = firstRows.putIfAbsent(same, number);
        if (first != null) {
            return new Row(number, Outcome.ERROR, nameZh, iso2, Message.of("import.row.duplicate", first));
        }
        boolean known = recorded.stream().anyMatch(e -> e.startsOn().equals(command.startsOn()) && e.kind() == command.kind()
                && Objects.equals(e.titleZh(), Text.stored(command.titleZh())) && Objects.equals(e.titleEn(), Text.stored(command.titleEn())));
        if (known) {
            return new Row(number, Outcome.UNCHANGED, nameZh, iso2, List.of());
        }
        actions.add(() -> exchanges.save(command));
        // Both given: the request's rules said so above.
        String kindName = Objects.requireNonNull(kind).name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new Row(number, Outcome.NEW, nameZh, iso2, Message.of("import.row.new-exchange",
                Message.of("exchange.kind." + kindName), Objects.requireNonNull(startsOn)));
    }

    private static @Nullable LocalDate day(CSVRecord record, String column, List<Message> problems) {
        String value = BulkImport.get(record, column);
        if (value.isEmpty()) {
            if (column.equals("starts_on")) {
                problems.add(Message.of("import.row.column", column, Message.of("validation.required")));
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(Message.of("import.row.date", value));
            return null;
        }
    }

    /** A text cell as the file has it, our download's formula guard taken off; the rules are the request's. */
    private static @Nullable String text(CSVRecord record, String column) {
        String value = BulkImport.get(record, column);
        return value.isEmpty() ? null : BulkImport.unescape(value);
    }
}
