package cn.gz.youcheng.registry.importing;

import cn.gz.youcheng.audit.RevisionComment;
import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.CommandRules;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.CountryNames;
import cn.gz.youcheng.registry.CountryOption;
import cn.gz.youcheng.registry.PartnerEditing;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.RegistryCommands;
import cn.gz.youcheng.registry.RegistryService;
import cn.gz.youcheng.registry.repository.PartnerRepository;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports many partners at once from a CSV in the export's columns, or from the official text format, or
 * many exchanges from a CSV in their download's columns ({@link ExchangeFile}). Every
 * row is first previewed as new, changed, unchanged or error with its reason; applying is all or nothing,
 * in one transaction (one audit revision, attributed to the officer, with the file name).
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'EDITOR')")
public class BulkImport {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_ROWS = 5000;
    static final int MAX_FILE_NAME = 200;
    /** Most characters of a partner's names, as the registry keeps them. */
    static final Set<String> REQUIRED_COLUMNS = Set.of("list", "name_zh", "name_en", "country_iso2", "signed_on");

    public enum Outcome { NEW, CHANGED, UNCHANGED, ERROR }

    /**
     * One row of the file and what applying it would do, said in messages (what is new, what changes, what is
     * wrong, by column). {@code row} counts data rows (or lines) from 1.
     */
    public record Row(int row, Outcome outcome, String nameZh, @Nullable String countryIso2, List<Message> detail) {

        Row(int row, Outcome outcome, String nameZh, @Nullable String countryIso2, Message detail) {
            this(row, outcome, nameZh, countryIso2, List.of(detail));
        }
    }

    /**
     * A file-level problem (encoding, delimiter, headers, size) means no rows at all. {@code seen} is the state of
     * every partner the file names, as the preview found it (a version per partner and agreement, or "absent"),
     * so that applying can tell whether anything changed since.
     */
    public record Preview(String fileName, @Nullable Message fileProblem, List<Row> rows, Map<String, String> seen) {

        Preview(String fileName, @Nullable Message fileProblem, List<Row> rows) {
            this(fileName, fileProblem, rows, Map.of());
        }

        public boolean applicable() {
            return fileProblem == null && rows.stream().noneMatch(r -> r.outcome() == Outcome.ERROR)
                    && rows.stream().anyMatch(r -> r.outcome() == Outcome.NEW || r.outcome() == Outcome.CHANGED);
        }

        public long count(Outcome outcome) {
            return rows.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    /**
     * What a row asks for, after parsing, and the file's name of the column each field came from (to say where a
     * row breaks a rule).
     */
    private record Wanted(int row, PartnerList list, String nameZh, @Nullable String nameEn, String iso2,
            @Nullable Continent continent, @Nullable AdminLevel level, LocalDate signedOn,
            @Nullable Double latitude, @Nullable Double longitude, @Nullable String geonamesId,
            @Nullable String wikidataQid, Map<String, String> columns) {
    }

    /** The columns of a CSV in the export's format, by the field of the registry's request they fill. */
    private static final Map<String, String> CSV_COLUMNS = Map.of("nameZh", "name_zh", "nameEn", "name_en",
            "adminLevel", "admin_level", "latitude", "lat", "longitude", "lon", "signedOn", "signed_on",
            "geonamesId", "geonames_id", "wikidataQid", "wikidata_qid");
    /**
     * The columns of the official text, by the field of the registry's request they fill. It has no English name,
     * which a new partner needs: said as the CSV's column, where it can be given.
     */
    private static final Map<String, String> OFFICIAL_COLUMNS = Map.of("nameZh", "城市名称", "signedOn", "签约时间",
            "nameEn", "name_en");

    private final RegistryService registry;
    private final PartnerRepository partners;
    private final CommandRules rules;
    private final ExchangeFile exchangeFile;

    BulkImport(RegistryService registry, PartnerRepository partners, CommandRules rules, ExchangeFile exchangeFile) {
        this.exchangeFile = exchangeFile;
        this.registry = registry;
        this.partners = partners;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public Preview preview(String fileName, byte[] content) {
        return plan(fileName, content).preview();
    }

    /**
     * Applies a file as previewed: plans it again inside the transaction, and writes nothing if any row is in
     * error or if any partner the file names is not as the preview saw it (another officer changed it since,
     * or added it): applying must never overwrite a change the officer has not seen.
     *
     * @param previewed the preview the officer saw
     * @throws ImportRejectedException if the file cannot be applied; its preview is the registry as it is now
     */
    @Transactional
    public Preview apply(Preview previewed, byte[] content) {
        Plan plan = plan(previewed.fileName(), content);
        if (!plan.preview().applicable()) {
            throw new ImportRejectedException(plan.preview());
        }
        if (!plan.preview().seen().equals(previewed.seen())) {
            Preview now = plan.preview();
            throw new ImportRejectedException(new Preview(now.fileName(), Message.of("import.error.changed-since-preview"),
                    now.rows(), now.seen()));
        }
        RevisionComment.forCurrentTransaction("import: " + previewed.fileName());
        plan.actions().forEach(Runnable::run);
        return plan.preview();
    }

    /**
     * The file's name as the registry keeps it (in the audit log): no control characters, at most
     * {@value #MAX_FILE_NAME} characters.
     */
    static String fileName(String uploaded) {
        String name = uploaded == null ? "" : uploaded.replaceAll("[\\p{Cntrl}\\p{Cf}\\u2028\\u2029]", "").strip();
        if (name.isEmpty()) {
            return "unnamed";
        }
        return name.codePointCount(0, name.length()) <= MAX_FILE_NAME ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX_FILE_NAME - 1)) + "…";
    }

    record Plan(Preview preview, List<Runnable> actions) {
    }

    private Plan plan(String uploadedName, byte[] content) {
        String fileName = fileName(uploadedName);
        if (content.length > MAX_BYTES) {
            return rejected(fileName, Message.of("import.error.too-large"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return rejected(fileName, Message.of("import.error.encoding"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Wanted> wanted = new ArrayList<>();
        List<Row> errors = new ArrayList<>();
        String firstLine = text.lines().findFirst().orElse("").strip();
        if (firstLine.contains("starts_on")) {
            // Exchanges, in the columns of their download.
            return exchangeFile.plan(fileName, text, firstLine);
        }
        Message problem;
        if (firstLine.startsWith("list") || firstLine.contains("name_zh")) {
            problem = readCsv(text, firstLine, wanted, errors);
        } else {
            problem = readOfficialText(text, wanted, errors);
        }
        if (problem != null) {
            return rejected(fileName, problem);
        }
        if (wanted.size() + errors.size() > MAX_ROWS) {
            return rejected(fileName, Message.of("import.error.too-many-rows"));
        }
        List<Row> rows = new ArrayList<>(errors);
        List<Runnable> actions = new ArrayList<>();
        Map<String, Integer> firstRows = new HashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (Wanted row : wanted) {
            Integer first = firstRows.putIfAbsent(row.nameZh() + "\t" + row.iso2(), row.row());
            if (first != null) {
                rows.add(new Row(row.row(), Outcome.ERROR, row.nameZh(), row.iso2(), Message.of("import.row.duplicate", first)));
                continue;
            }
            rows.add(compare(row, actions, seen));
        }
        rows.sort(java.util.Comparator.comparingInt(Row::row));
        return new Plan(new Preview(fileName, null, rows, Map.copyOf(seen)), actions);
    }

    /** Compares a wanted row with the registry, notes what it saw, and plans the change the row asks for. */
    private Row compare(Wanted row, List<Runnable> actions, Map<String, String> seen) {
        Optional<PartnerEditing> existing = partners.findByIdentity(row.nameZh(), row.iso2())
                .flatMap(partner -> registry.partnerForEditing(partner.getId()));
        seen.put(row.nameZh() + "\t" + row.iso2(), existing.map(BulkImport::state).orElse("absent"));
        if (existing.isEmpty()) {
            RegistryCommands.AddPartner add = new RegistryCommands.AddPartner(row.nameZh(), row.nameEn(), row.iso2(),
                    row.continent(), row.level() == null ? AdminLevel.CITY : row.level(), row.latitude(),
                    row.longitude(), row.list().kind(), row.signedOn(), null, null, null);
            Optional<Row> broken = broken(row, add);
            if (broken.isPresent()) {
                return broken.get();
            }
            actions.add(() -> registry.addPartner(add));
            return new Row(row.row(), Outcome.NEW, row.nameZh(), row.iso2(),
                    Message.of("import.row.new", Message.of("list." + row.list().name().toLowerCase(Locale.ROOT)),
                            row.signedOn()));
        }
        PartnerEditing partner = existing.get();
        List<Message> changes = new ArrayList<>();
        boolean detailsChange = false;
        if (row.nameEn() != null && !row.nameEn().equals(partner.nameEn())) {
            changes.add(Message.of("import.row.change", "name_en", partner.nameEn(), row.nameEn()));
            detailsChange = true;
        }
        if (row.level() != null && row.level() != partner.adminLevel()) {
            changes.add(Message.of("import.row.change", "admin_level",
                    Message.of("level." + partner.adminLevel().name().toLowerCase(Locale.ROOT)),
                    Message.of("level." + row.level().name().toLowerCase(Locale.ROOT))));
            detailsChange = true;
        }
        if (row.latitude() != null && (!Objects.equals(row.latitude(), partner.latitude())
                || !Objects.equals(row.longitude(), partner.longitude()))) {
            changes.add(Message.of("import.row.change", "lat/lon", partner.latitude() + "," + partner.longitude(),
                    row.latitude() + "," + row.longitude()));
            detailsChange = true;
        }
        String geonamesNow = partner.geonamesId() == null ? null : partner.geonamesId().toString();
        if (row.geonamesId() != null && !row.geonamesId().equals(geonamesNow)) {
            changes.add(Message.of("import.row.change", "geonames_id", Objects.requireNonNullElse(geonamesNow, "—"),
                    row.geonamesId()));
            detailsChange = true;
        }
        if (row.wikidataQid() != null && !row.wikidataQid().equals(partner.wikidataQid())) {
            changes.add(Message.of("import.row.change", "wikidata_qid",
                    Objects.requireNonNullElse(partner.wikidataQid(), "—"), row.wikidataQid()));
            detailsChange = true;
        }
        // A partner has at most one active agreement (V8), and the list it is published in is that one's.
        Optional<PartnerEditing.AgreementEditing> active = partner.activeAgreement();
        boolean upgrade = false;
        if (active.isEmpty()) {
            return new Row(row.row(), Outcome.ERROR, row.nameZh(), row.iso2(), Message.of("import.row.no-active"));
        }
        PartnerList current = PartnerList.of(active.get().kind());
        if (row.list() != current) {
            if (current == PartnerList.EXCHANGE && row.list() == PartnerList.SISTER) {
                if (row.signedOn() == null || row.signedOn().isBefore(active.get().latestChangeOn())) {
                    return new Row(row.row(), Outcome.ERROR, row.nameZh(), row.iso2(),
                            Message.of("import.row.upgrade-before"));
                }
                changes.add(Message.of("import.row.upgrade", row.signedOn()));
                upgrade = true;
            } else {
                return new Row(row.row(), Outcome.ERROR, row.nameZh(), row.iso2(), Message.of("import.row.no-downgrade"));
            }
        } else if (row.signedOn() != null && !row.signedOn().equals(active.get().signedOn())) {
            return new Row(row.row(), Outcome.ERROR, row.nameZh(), row.iso2(),
                    Message.of("import.row.signed-on-differs", active.get().signedOn()));
        }
        if (changes.isEmpty()) {
            return new Row(row.row(), Outcome.UNCHANGED, row.nameZh(), row.iso2(), List.of());
        }
        if (detailsChange) {
            Optional<Row> broken = broken(row, edit(partner, row));
            if (broken.isPresent()) {
                return broken.get();
            }
            // Made again when applied: an upgrade before it in the same plan moves the partner's version.
            actions.add(() -> registry.editPartner(edit(registry.partnerForEditing(partner.id()).orElseThrow(), row)));
        }
        if (upgrade) {
            Optional<Row> broken = broken(row, new RegistryCommands.Upgrade(partner.id(), partner.version(),
                    row.signedOn(), null, null));
            if (broken.isPresent()) {
                return broken.get();
            }
            actions.add(() -> {
                PartnerEditing now = registry.partnerForEditing(partner.id()).orElseThrow();
                registry.upgrade(new RegistryCommands.Upgrade(now.id(), now.version(), row.signedOn(), null, null));
            });
        }
        return new Row(row.row(), Outcome.CHANGED, row.nameZh(), row.iso2(), changes);
    }

    /** The partner's details as the row wants them, the rest as they are. */
    private static RegistryCommands.EditPartner edit(PartnerEditing now, Wanted row) {
        return new RegistryCommands.EditPartner(now.id(), now.version(),
                now.nameZh(), Objects.requireNonNullElse(row.nameEn(), now.nameEn()),
                Objects.requireNonNullElse(row.level(), now.adminLevel()),
                row.latitude() != null ? row.latitude() : now.latitude(),
                row.latitude() != null ? row.longitude() : now.longitude(),
                row.geonamesId() != null ? row.geonamesId() : now.geonamesId() == null ? null : now.geonamesId().toString(),
                row.wikidataQid() != null ? row.wikidataQid() : now.wikidataQid());
    }

    /**
     * The row as an error if the request it makes breaks the registry's rules for requests ({@link CommandRules},
     * the same rules as the forms'), each problem said under the file's name of its column.
     */
    private Optional<Row> broken(Wanted row, Object command) {
        List<Message> problems = rules.problems(command).stream()
                .map(problem -> Message.of("import.row.column",
                        row.columns().getOrDefault(problem.field(), problem.field()), problem.message()))
                .toList();
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(new Row(row.row(), Outcome.ERROR, Text.oneLine(row.nameZh()), row.iso2(), problems));
    }

    /** A partner's state as versions: any change of it or of its agreements gives another string. */
    private static String state(PartnerEditing partner) {
        StringBuilder state = new StringBuilder().append(partner.id()).append('@').append(partner.version());
        partner.agreements().stream().sorted(java.util.Comparator.comparingLong(PartnerEditing.AgreementEditing::id))
                .forEach(agreement -> state.append(';').append(agreement.id()).append('@').append(agreement.version()));
        return state.toString();
    }

    private @Nullable Message readCsv(String text, String headerLine, List<Wanted> wanted, List<Row> errors) {
        if (!headerLine.contains(",") && (headerLine.contains(";") || headerLine.contains("\t"))) {
            return Message.of("import.error.delimiter");
        }
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).sorted().toList();
            if (!missing.isEmpty()) {
                return Message.of("import.error.missing-columns", String.join(", ", missing));
            }
            Map<String, CountryOption> countries = countriesByCode();
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                if (number > MAX_ROWS) {
                    return Message.of("import.error.too-many-rows");
                }
                try {
                    wanted.add(csvRow(number, record, countries));
                } catch (RowProblem e) {
                    errors.add(new Row(number, Outcome.ERROR, Text.oneLine(get(record, "name_zh")),
                            Text.oneLine(get(record, "country_iso2")), e.message()));
                }
            }
            return null;
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            return Message.of("import.error.malformed-csv");
        }
    }

    private Wanted csvRow(int number, CSVRecord record, Map<String, CountryOption> countries) {
        PartnerList list = switch (get(record, "list").toLowerCase(Locale.ROOT)) {
            case "sister", "友好城市" -> PartnerList.SISTER;
            case "exchange", "友好合作交流城市" -> PartnerList.EXCHANGE;
            default -> throw new RowProblem(Message.of("import.row.list", get(record, "list")));
        };
        // The names' rules (length, one line) are the requests' own, checked when the row is compared.
        String nameZh = Text.clean(unescape(get(record, "name_zh")));
        if (nameZh.isEmpty()) {
            throw new RowProblem(Message.of("import.row.column", "name_zh", Message.of("validation.required")));
        }
        String nameEn = Text.clean(unescape(get(record, "name_en")));
        String iso2 = get(record, "country_iso2").toUpperCase(Locale.ROOT);
        if (!CountryNames.isIsoCode(iso2)) {
            throw new RowProblem(Message.of("import.row.country-iso", iso2));
        }
        Continent continent = null;
        String continentText = get(record, "continent");
        if (!continentText.isEmpty()) {
            try {
                continent = Continent.valueOf(continentText.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new RowProblem(Message.of("import.row.continent", continentText));
            }
        } else if (countries.containsKey(iso2)) {
            continent = countries.get(iso2).continent();
        }
        if (continent == null) {
            throw new RowProblem(Message.of("import.row.continent-needed", iso2));
        }
        AdminLevel level = null;
        String levelText = get(record, "admin_level");
        if (!levelText.isEmpty()) {
            try {
                level = AdminLevel.valueOf(levelText.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new RowProblem(Message.of("import.row.level", levelText));
            }
        }
        LocalDate signedOn;
        try {
            signedOn = LocalDate.parse(get(record, "signed_on"));
        } catch (DateTimeParseException e) {
            throw new RowProblem(Message.of("import.row.date", get(record, "signed_on")));
        }
        Double latitude = number(record, "lat");
        Double longitude = number(record, "lon");
        if ((latitude == null) != (longitude == null)) {
            throw new RowProblem(Message.of("import.row.coordinates"));
        }
        // An identifier left empty keeps the registry's: a file without the column changes none.
        String geonamesId = get(record, "geonames_id");
        String wikidataQid = get(record, "wikidata_qid");
        return new Wanted(number, list, nameZh, nameEn.isEmpty() ? null : nameEn, iso2, continent, level, signedOn,
                latitude, longitude, geonamesId.isEmpty() ? null : geonamesId, wikidataQid.isEmpty() ? null : wikidataQid,
                CSV_COLUMNS);
    }

    private @Nullable Message readOfficialText(String text, List<Wanted> wanted, List<Row> errors) {
        OfficialList list;
        try {
            list = OfficialListParser.parse(text);
        } catch (OfficialListFormatException e) {
            return Message.of("import.error.official", e.line(), e.problem());
        }
        Map<String, CountryOption> byChineseName = new HashMap<>();
        countriesByCode().values().forEach(c -> byChineseName.put(c.nameZh(), c));
        int number = 0;
        for (OfficialEntry entry : list.all().toList()) {
            number++;
            CountryOption country = byChineseName.get(entry.countryZh());
            if (country == null) {
                errors.add(new Row(number, Outcome.ERROR, entry.nameZh(), null,
                        Message.of("import.row.country-unknown", entry.countryZh())));
                continue;
            }
            wanted.add(new Wanted(number, entry.list(), Text.clean(entry.nameZh()), null, country.iso2(),
                    country.continent(), null, entry.signedOn(), null, null, null, null, OFFICIAL_COLUMNS));
        }
        return null;
    }

    private Map<String, CountryOption> countriesByCode() {
        Map<String, CountryOption> byCode = new HashMap<>();
        registry.countries().stream().filter(c -> c.continent() != null).forEach(c -> byCode.put(c.iso2(), c));
        return byCode;
    }

    /** A number, or {@code null} if the column is empty; its range is the request's rule. */
    private static @Nullable Double number(CSVRecord record, String column) {
        String text = get(record, column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new RowProblem(Message.of("import.row.not-a-number", column, text));
        }
    }

    static String get(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
    }

    /** Our own CSV export prefixes formula-like text with an apostrophe; an import takes it off again. */
    static String unescape(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0
                ? value.substring(1) : value;
    }

    static Plan rejected(String fileName, Message problem) {
        return new Plan(new Preview(fileName, problem, List.of()), List.of());
    }

    private static final class RowProblem extends RuntimeException {

        private final Message message;

        RowProblem(Message message) {
            super(message.key());
            this.message = message;
        }

        Message message() {
            return message;
        }
    }
}
