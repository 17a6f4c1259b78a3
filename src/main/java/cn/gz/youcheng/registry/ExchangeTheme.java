package cn.gz.youcheng.registry;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What an exchange is about; an exchange has one or more. */
public enum ExchangeTheme {
    GOVERNMENT,
    ECONOMY_TRADE,
    CULTURE,
    EDUCATION,
    SCIENCE_TECHNOLOGY,
    HEALTH,
    SPORT,
    TOURISM,
    YOUTH,
    ENVIRONMENT,
    URBAN_DEVELOPMENT,
    OTHER;

    /** The themes as the database keeps them: their codes in this order, separated by single spaces. */
    public static String codes(Set<ExchangeTheme> themes) {
        return themes.stream().sorted().map(Enum::name).collect(Collectors.joining(" "));
    }

    public static Set<ExchangeTheme> of(String codes) {
        Set<ExchangeTheme> themes = EnumSet.noneOf(ExchangeTheme.class);
        Arrays.stream(codes.split(" ")).filter(code -> !code.isEmpty()).map(ExchangeTheme::valueOf).forEach(themes::add);
        return themes;
    }
}
