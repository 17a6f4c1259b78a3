package cn.gz.youcheng.registry.importing;

import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.registry.PartnerList;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the official list as the office publishes it: for each list a heading, the ordering note, a
 * {@code 序 城市名称 国家 签约时间} header and {@code NN.} tab-separated rows; a {@code -----} separator, the
 * note on exchange cities and the closing total sentence. Blank lines may stand anywhere. Anything else is
 * rejected with the line number and what is wrong, before any of it is used.
 */
public final class OfficialListParser {

    private static final Pattern SEQUENCE = Pattern.compile("(\\d{1,4})\\.");
    private static final Pattern SEPARATOR = Pattern.compile("-+(\\s+-+)*");
    private static final Pattern ROW_START = Pattern.compile("\\d+\\..*");

    private enum State { BEFORE_HEADING, AFTER_HEADING, IN_TABLE, AFTER_TABLE, AFTER_TOTAL }

    private final Map<PartnerList, List<OfficialEntry>> entries = new EnumMap<>(PartnerList.class);
    private final Map<PartnerList, Integer> headingLines = new EnumMap<>(PartnerList.class);
    private final Map<String, Integer> partnerLines = new HashMap<>();
    private State state = State.BEFORE_HEADING;
    private @Nullable PartnerList current;
    private int lineNumber;

    private OfficialListParser() {
        for (PartnerList list : PartnerList.values()) {
            entries.put(list, new ArrayList<>());
        }
    }

    public static OfficialList parse(String text) {
        return new OfficialListParser().read(text);
    }

    private OfficialList read(String text) {
        String[] lines = text.split("\r?\n", -1);
        for (String raw : lines) {
            lineNumber++;
            String line = raw.replace("\uFEFF", "").strip();
            if (!line.isEmpty()) {
                accept(line);
            }
        }
        if (state != State.AFTER_TOTAL) {
            throw error("official.error.no-total");
        }
        return new OfficialList(entries(PartnerList.SISTER), entries(PartnerList.EXCHANGE));
    }

    private void accept(String line) {
        if (state == State.AFTER_TOTAL) {
            throw error("official.error.after-total", quoted(line));
        }
        PartnerList heading = headingOf(line);
        if (heading != null) {
            startList(heading);
        } else if (line.equals(OfficialFormat.SUBTITLE) || line.equals("（按签约时间先后顺序排列）")) {
            if (state != State.AFTER_HEADING) {
                throw error("official.error.note-place", quoted(line));
            }
        } else if (isHeader(line)) {
            if (state != State.AFTER_HEADING) {
                throw error("official.error.header-place", OfficialFormat.heading(PartnerList.SISTER),
                        OfficialFormat.heading(PartnerList.EXCHANGE));
            }
            state = State.IN_TABLE;
        } else if (ROW_START.matcher(line).matches()) {
            if (state != State.IN_TABLE) {
                throw error("official.error.row-place");
            }
            row(line);
        } else if (SEPARATOR.matcher(line).matches()) {
            endTable();
        } else if (line.startsWith("注：") || line.startsWith("注:")) {
            endTable();
        } else if (OfficialFormat.TOTAL.matcher(line).matches()) {
            total(line);
        } else if (state == State.IN_TABLE) {
            throw error("official.error.not-a-row", quoted(line));
        } else {
            throw error("official.error.heading", quoted(line), OfficialFormat.heading(PartnerList.SISTER),
                    OfficialFormat.heading(PartnerList.EXCHANGE));
        }
    }

    private List<OfficialEntry> entries(PartnerList list) {
        return Objects.requireNonNull(entries.get(list), "every list has its entries from the start");
    }

    private static @Nullable PartnerList headingOf(String line) {
        for (PartnerList list : PartnerList.values()) {
            if (line.equals(OfficialFormat.heading(list))) {
                return list;
            }
        }
        return null;
    }

    private static boolean isHeader(String line) {
        return List.of(line.split("\\s+")).equals(List.of(OfficialFormat.HEADER.split("\t")));
    }

    private void startList(PartnerList list) {
        Integer earlier = headingLines.putIfAbsent(list, lineNumber);
        if (earlier != null) {
            throw error("official.error.list-twice", listName(list), earlier);
        }
        current = list;
        state = State.AFTER_HEADING;
    }

    private void endTable() {
        if (state == State.IN_TABLE) {
            state = State.AFTER_TABLE;
        }
    }

    private void row(String line) {
        String[] columns = line.split("\t", -1);
        if (columns.length != 4) {
            throw error("official.error.columns", columns.length, quoted(line));
        }
        Matcher sequence = SEQUENCE.matcher(columns[0].strip());
        if (!sequence.matches()) {
            throw error("official.error.sequence", quoted(columns[0]));
        }
        int seq = Integer.parseInt(sequence.group(1));
        String name = columns[1].strip();
        String country = columns[2].strip();
        if (name.isEmpty()) {
            throw error("official.error.no-name");
        }
        if (country.isEmpty()) {
            throw error("official.error.no-country");
        }
        LocalDate signedOn = date(columns[3].strip());

        // Rows are read only in a table, which starts under a heading.
        PartnerList current = Objects.requireNonNull(this.current, "a row follows a heading");
        List<OfficialEntry> list = entries(current);
        for (OfficialEntry earlier : list) {
            if (earlier.seq() == seq) {
                throw error("official.error.sequence-twice", OfficialFormat.sequence(seq), listName(current));
            }
        }
        int expected = list.size() + 1;
        if (seq != expected) {
            throw error("official.error.sequence-order", OfficialFormat.sequence(seq), listName(current),
                    OfficialFormat.sequence(expected));
        }
        if (!list.isEmpty() && signedOn.isBefore(list.getLast().signedOn())) {
            throw error("official.error.date-order", OfficialFormat.DATE.format(signedOn),
                    OfficialFormat.DATE.format(list.getLast().signedOn()));
        }
        Integer firstLine = partnerLines.putIfAbsent(name + "\t" + country, lineNumber);
        if (firstLine != null) {
            throw error("official.error.partner-twice", quoted(name), quoted(country), firstLine);
        }
        list.add(new OfficialEntry(current, seq, name, country, signedOn));
    }

    private LocalDate date(String text) {
        try {
            return LocalDate.parse(text, OfficialFormat.DATE);
        } catch (DateTimeParseException e) {
            throw error("official.error.date", quoted(text));
        }
    }

    private void total(String line) {
        Matcher matcher = OfficialFormat.TOTAL.matcher(line);
        matcher.matches();
        int countries = Integer.parseInt(matcher.group(1));
        int cities = Integer.parseInt(matcher.group(2));
        OfficialList list = new OfficialList(entries(PartnerList.SISTER), entries(PartnerList.EXCHANGE));
        if (countries != list.countryCount() || cities != list.cityCount()) {
            throw error("official.error.totals", countries, cities, list.countryCount(), list.cityCount());
        }
        state = State.AFTER_TOTAL;
    }

    /** What is wrong, in the reader's language: a translation key and its arguments. */
    private OfficialListFormatException error(String key, Object... arguments) {
        return new OfficialListFormatException(lineNumber, Message.of(key, arguments));
    }

    private static Message listName(PartnerList list) {
        return Message.of("list." + list.name().toLowerCase(Locale.ROOT));
    }

    /** A piece of the uploaded text as it may be shown back: on one line, and not too long. */
    private static String quoted(String text) {
        String line = Text.oneLine(text);
        return line.codePointCount(0, line.length()) <= 60 ? line
                : line.substring(0, line.offsetByCodePoints(0, 59)) + "…";
    }
}
