package cn.gz.youcheng.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ISO 3166-1 list with Chinese and English names from the JDK's locale data, for countries that are not
 * yet in the registry. Countries already in it keep the office's short names (印尼, 阿联酋 …).
 */
public final class CountryNames {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private CountryNames() {
    }

    public static boolean isIsoCode(String code) {
        return code != null && CODES.contains(code);
    }

    public static String chinese(String iso2) {
        return Locale.of("", iso2).getDisplayCountry(Locale.SIMPLIFIED_CHINESE);
    }

    public static String english(String iso2) {
        return Locale.of("", iso2).getDisplayCountry(Locale.ENGLISH);
    }

    /** Every ISO country, with the registry's own names where it has them. */
    public static List<CountryOption> all(List<CountryOption> known) {
        var byCode = new java.util.HashMap<String, CountryOption>();
        for (String code : CODES) {
            byCode.put(code, new CountryOption(code, chinese(code), english(code), null));
        }
        known.forEach(country -> byCode.put(country.iso2(), country));
        return byCode.values().stream().sorted(Comparator.comparing(CountryOption::iso2)).toList();
    }
}
