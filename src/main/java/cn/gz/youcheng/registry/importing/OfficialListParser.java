package cn.gz.youcheng.registry.importing;

import cn.gz.youcheng.registry.PartnerList;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private PartnerList current;
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
            throw error("the text ends without the closing total sentence "
                    + "(以上合计，广州与 N 个国家的 M 个城市建立了友好关系。)");
        }
        return new OfficialList(entries.get(PartnerList.SISTER), entries.get(PartnerList.EXCHANGE));
    }

    private void accept(String line) {
        if (state == State.AFTER_TOTAL) {
            throw error("unexpected text after the closing total sentence: '" + line + "'");
        }
        PartnerList heading = headingOf(line);
        if (heading != null) {
            startList(heading);
        } else if (line.equals(OfficialFormat.SUBTITLE) || line.equals("（按签约时间先后顺序排列）")) {
            if (state != State.AFTER_HEADING) {
                throw error("the ordering note '" + line + "' belongs right after a list heading");
            }
        } else if (isHeader(line)) {
            if (state != State.AFTER_HEADING) {
                throw error("a header row must follow a list heading ("
                        + OfficialFormat.heading(PartnerList.SISTER) + " or "
                        + OfficialFormat.heading(PartnerList.EXCHANGE) + ")");
            }
            state = State.IN_TABLE;
        } else if (ROW_START.matcher(line).matches()) {
            if (state != State.IN_TABLE) {
                throw error("a table row outside a table: rows follow a header row '序 城市名称 国家 签约时间'");
            }
            row(line);
        } else if (SEPARATOR.matcher(line).matches()) {
            endTable();
        } else if (line.startsWith("注：") || line.startsWith("注:")) {
            endTable();
        } else if (OfficialFormat.TOTAL.matcher(line).matches()) {
            total(line);
        } else if (state == State.IN_TABLE) {
            throw error("expected a table row 'NN.<tab>城市名称<tab>国家<tab>yyyy.MM.dd', found '" + line + "'");
        } else {
            throw error("unknown heading '" + line + "': expected " + OfficialFormat.heading(PartnerList.SISTER)
                    + " or " + OfficialFormat.heading(PartnerList.EXCHANGE));
        }
    }

    private static PartnerList headingOf(String line) {
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
            throw error("the " + list.officialName() + " list appears a second time (first on line " + earlier + ")");
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
            throw error("expected 4 tab-separated columns (序, 城市名称, 国家, 签约时间), found " + columns.length
                    + ": '" + line + "'");
        }
        Matcher sequence = SEQUENCE.matcher(columns[0].strip());
        if (!sequence.matches()) {
            throw error("invalid sequence number '" + columns[0] + "': expected a number and a dot, like 01.");
        }
        int seq = Integer.parseInt(sequence.group(1));
        String name = columns[1].strip();
        String country = columns[2].strip();
        if (name.isEmpty()) {
            throw error("the city name (城市名称) is empty");
        }
        if (country.isEmpty()) {
            throw error("the country (国家) is empty");
        }
        LocalDate signedOn = date(columns[3].strip());

        List<OfficialEntry> list = entries.get(current);
        for (OfficialEntry earlier : list) {
            if (earlier.seq() == seq) {
                throw error("duplicate sequence number " + OfficialFormat.sequence(seq) + " in the "
                        + current.officialName() + " list");
            }
        }
        int expected = list.size() + 1;
        if (seq != expected) {
            throw error("sequence number " + OfficialFormat.sequence(seq) + " out of order in the "
                    + current.officialName() + " list: expected " + OfficialFormat.sequence(expected));
        }
        if (!list.isEmpty() && signedOn.isBefore(list.getLast().signedOn())) {
            throw error("signing date " + OfficialFormat.DATE.format(signedOn) + " is earlier than the row before ("
                    + OfficialFormat.DATE.format(list.getLast().signedOn()) + "): the list is in signing-date order");
        }
        Integer firstLine = partnerLines.putIfAbsent(name + "\t" + country, lineNumber);
        if (firstLine != null) {
            throw error(name + " (" + country + ") is listed twice (first on line " + firstLine + ")");
        }
        list.add(new OfficialEntry(current, seq, name, country, signedOn));
    }

    private LocalDate date(String text) {
        try {
            return LocalDate.parse(text, OfficialFormat.DATE);
        } catch (DateTimeParseException e) {
            throw error("invalid signing date '" + text + "': expected a real date written yyyy.MM.dd");
        }
    }

    private void total(String line) {
        Matcher matcher = OfficialFormat.TOTAL.matcher(line);
        matcher.matches();
        int countries = Integer.parseInt(matcher.group(1));
        int cities = Integer.parseInt(matcher.group(2));
        OfficialList list = new OfficialList(entries.get(PartnerList.SISTER), entries.get(PartnerList.EXCHANGE));
        if (countries != list.countryCount() || cities != list.cityCount()) {
            throw error("the total sentence says " + countries + " countries and " + cities
                    + " cities, but the tables list " + list.countryCount() + " countries and "
                    + list.cityCount() + " cities");
        }
        state = State.AFTER_TOTAL;
    }

    private OfficialListFormatException error(String problem) {
        return new OfficialListFormatException(lineNumber, problem);
    }
}
