package cn.gz.youcheng.directory;

import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The directory's URL query parameters (a public contract, docs/urls.md): {@code q}, {@code list},
 * {@code country} (repeatable), {@code continent} (repeatable), {@code from}, {@code to}, {@code status},
 * {@code asOf}. Shared by the directory view and the downloads so that one link means the same rows
 * everywhere. A value that cannot be understood is ignored and reported, never fatal.
 */
public final class DirectoryParameters {

    public static final String TEXT = "q";
    /** The longest search taken, in characters. */
    public static final int MAX_TEXT = 100;
    public static final String LIST = "list";
    public static final String COUNTRY = "country";
    public static final String CONTINENT = "continent";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String STATUS = "status";
    public static final String AS_OF = "asOf";
    public static final String EXCHANGED_SINCE = "exchangedSince";
    static final String ALL_STATUSES = "all";

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2100;

    private DirectoryParameters() {
    }

    /** A parameter value that was ignored. */
    public record Ignored(String parameter, String value) {
        @Override
        public String toString() {
            return parameter + "=" + value;
        }
    }

    /** The filter the parameters describe, and what in them was ignored. */
    public record Parsed(DirectoryFilter filter, List<Ignored> ignored) {
    }

    /**
     * @param parameters query parameters as a servlet or the router gives them
     * @param knownCountries the ISO codes a {@code country} value may take
     * @param today the date shown when no {@code asOf} is given
     */
    public static Parsed parse(Map<String, List<String>> parameters, Set<String> knownCountries, LocalDate today) {
        List<Ignored> ignored = new ArrayList<>();
        String text = String.join(" ", values(parameters, TEXT)).strip();
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            // No name is this long; and every search is remembered for a while (DirectoryQueries).
            ignored.add(new Ignored(TEXT, text.substring(0, text.offsetByCodePoints(0, 20)) + "…"));
            text = "";
        }
        @Nullable PartnerList list = single(parameters, LIST, ignored, value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "sister" -> PartnerList.SISTER;
            case "exchange" -> PartnerList.EXCHANGE;
            default -> null;
        });
        Set<String> countries = new TreeSet<>();
        for (String value : splitValues(parameters, COUNTRY)) {
            String code = value.toUpperCase(Locale.ROOT);
            if (knownCountries.contains(code)) {
                countries.add(code);
            } else {
                ignored.add(new Ignored(COUNTRY, value));
            }
        }
        Set<Continent> continents = new LinkedHashSet<>();
        for (String value : splitValues(parameters, CONTINENT)) {
            Continent continent = continent(value);
            if (continent != null) {
                continents.add(continent);
            } else {
                ignored.add(new Ignored(CONTINENT, value));
            }
        }
        Integer from = single(parameters, FROM, ignored, DirectoryParameters::year);
        Integer to = single(parameters, TO, ignored, DirectoryParameters::year);
        if (from != null && to != null && from > to) {
            ignored.add(new Ignored(TO, String.valueOf(to)));
            to = null;
        }
        AgreementStatus status = AgreementStatus.ACTIVE;
        if (!values(parameters, STATUS).isEmpty()) {
            String value = values(parameters, STATUS).getFirst();
            if (value.equalsIgnoreCase(ALL_STATUSES)) {
                status = null;
            } else {
                AgreementStatus parsed = status(value);
                if (parsed == null) {
                    ignored.add(new Ignored(STATUS, value));
                } else {
                    status = parsed;
                }
            }
        }
        @Nullable LocalDate asOf = single(parameters, AS_OF, ignored, value -> {
            try {
                return LocalDate.parse(value, ISO_DATE);
            } catch (DateTimeParseException e) {
                return null;
            }
        });
        Integer exchangedSince = single(parameters, EXCHANGED_SINCE, ignored, DirectoryParameters::year);
        DirectoryFilter filter = new DirectoryFilter(text, list, countries, continents, from, to, status,
                asOf != null ? asOf : today, exchangedSince);
        return new Parsed(filter, List.copyOf(ignored));
    }

    /** The filter as a query to append to a path: empty, or {@code ?} and the parameters. */
    public static String querySuffix(DirectoryFilter filter, LocalDate today) {
        String query = new QueryParameters(format(filter, today)).getQueryString();
        return query.isEmpty() ? "" : "?" + query;
    }

    /** The parameters that describe a filter, leaving out what is the default (today, active partners). */
    public static Map<String, List<String>> format(DirectoryFilter filter, LocalDate today) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (filter.text() != null) {
            parameters.put(TEXT, List.of(filter.text()));
        }
        if (filter.list() != null) {
            parameters.put(LIST, List.of(filter.list().name().toLowerCase(Locale.ROOT)));
        }
        if (!filter.countries().isEmpty()) {
            parameters.put(COUNTRY, List.copyOf(new TreeSet<>(filter.countries())));
        }
        if (!filter.continents().isEmpty()) {
            parameters.put(CONTINENT, filter.continents().stream().sorted().map(DirectoryParameters::name).toList());
        }
        if (filter.fromYear() != null) {
            parameters.put(FROM, List.of(filter.fromYear().toString()));
        }
        if (filter.toYear() != null) {
            parameters.put(TO, List.of(filter.toYear().toString()));
        }
        if (filter.status() != AgreementStatus.ACTIVE) {
            parameters.put(STATUS, List.of(filter.status() == null ? ALL_STATUSES : name(filter.status())));
        }
        if (!filter.asOf().equals(today)) {
            parameters.put(AS_OF, List.of(ISO_DATE.format(filter.asOf())));
        }
        if (filter.exchangedSince() != null) {
            parameters.put(EXCHANGED_SINCE, List.of(filter.exchangedSince().toString()));
        }
        return parameters;
    }

    /**
     * The partner a {@code /partners/{id}} path names: its id, if the segment is one (digits, at most 18, so
     * that it fits a long); null for anything else, which names no partner.
     */
    public static @Nullable Long partnerId(String segment) {
        return segment.matches("[0-9]{1,18}") ? Long.valueOf(segment) : null;
    }

    /** {@code north-america} for NORTH_AMERICA: the spelling used in URLs. */
    public static String name(Enum<?> value) {
        // Asked for several times per row of a download: each constant's name is made once.
        return NAMES.computeIfAbsent(value, constant -> constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static final Map<Enum<?>, String> NAMES = new ConcurrentHashMap<>();

    private static @Nullable Continent continent(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Continent continent : Continent.values()) {
            if (continent.name().equals(name)) {
                return continent;
            }
        }
        return null;
    }

    private static @Nullable AgreementStatus status(String value) {
        for (AgreementStatus status : AgreementStatus.values()) {
            if (status.name().equalsIgnoreCase(value.strip())) {
                return status;
            }
        }
        return null;
    }

    private static @Nullable Integer year(String value) {
        try {
            int year = Integer.parseInt(value.strip());
            return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> @Nullable T single(Map<String, List<String>> parameters, String name, List<Ignored> ignored,
            Function<String, @Nullable T> parser) {
        List<String> values = values(parameters, name);
        if (values.isEmpty()) {
            return null;
        }
        T parsed = parser.apply(values.getFirst());
        if (parsed == null) {
            ignored.add(new Ignored(name, values.getFirst()));
        }
        return parsed;
    }

    private static List<String> values(Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream()
                .filter(value -> value != null && !value.isBlank())
                .toList();
    }

    /** Repeatable parameters also accept comma-separated values: {@code country=JP,US}. */
    private static List<String> splitValues(Map<String, List<String>> parameters, String name) {
        return values(parameters, name).stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }
}
