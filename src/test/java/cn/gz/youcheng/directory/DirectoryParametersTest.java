package cn.gz.youcheng.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.PartnerList;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectoryParametersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final Set<String> COUNTRIES = Set.of("JP", "US", "NZ");

    @Test
    void readsEveryParameterOfTheContract() {
        DirectoryParameters.Parsed parsed = DirectoryParameters.parse(Map.of(
                "q", List.of("  Oakland "), "list", List.of("exchange"), "country", List.of("us", "JP"),
                "continent", List.of("north-america"), "from", List.of("2010"), "to", List.of("2020"),
                "status", List.of("all"), "asOf", List.of("2020-02-29")), COUNTRIES, TODAY);

        assertThat(parsed.ignored()).isEmpty();
        assertThat(parsed.filter()).isEqualTo(new DirectoryFilter("Oakland", PartnerList.EXCHANGE, Set.of("US", "JP"),
                Set.of(Continent.NORTH_AMERICA), 2010, 2020, null, LocalDate.of(2020, 2, 29)));
    }

    @Test
    void ignoresWhatItCannotUnderstandAndSaysSo() {
        DirectoryParameters.Parsed parsed = DirectoryParameters.parse(Map.of(
                "from", List.of("abc"), "country", List.of("XX", "JP"), "asOf", List.of("2020-02-30"),
                "list", List.of("friends"), "status", List.of("sleeping")), COUNTRIES, TODAY);

        assertThat(parsed.ignored()).extracting(Object::toString)
                .containsExactlyInAnyOrder("from=abc", "country=XX", "asOf=2020-02-30", "list=friends", "status=sleeping");
        assertThat(parsed.filter()).isEqualTo(new DirectoryFilter(null, null, Set.of("JP"), Set.of(), null, null,
                AgreementStatus.ACTIVE, TODAY));
    }

    @Test
    void aSearchLongerThanAnyNameIsIgnoredAndSaysSo() {
        DirectoryParameters.Parsed longest = DirectoryParameters.parse(Map.of("q", List.of("城".repeat(100))), COUNTRIES, TODAY);
        assertThat(longest.filter().text()).hasSize(100);

        DirectoryParameters.Parsed tooLong = DirectoryParameters.parse(Map.of("q", List.of("城".repeat(101))), COUNTRIES, TODAY);
        assertThat(tooLong.filter().text()).isNull();
        assertThat(tooLong.ignored()).extracting(Object::toString).containsExactly("q=" + "城".repeat(20) + "…");
    }

    @Test
    void formatsOnlyWhatDiffersFromTheDefaultAndReadsItBack() {
        DirectoryFilter filter = new DirectoryFilter("奥克兰", PartnerList.SISTER, Set.of("NZ"), Set.of(Continent.OCEANIA),
                1980, null, AgreementStatus.TERMINATED, LocalDate.of(2019, 12, 31));

        Map<String, List<String>> parameters = DirectoryParameters.format(filter, TODAY);

        assertThat(parameters).containsOnlyKeys("q", "list", "country", "continent", "from", "status", "asOf");
        assertThat(DirectoryParameters.parse(parameters, COUNTRIES, TODAY).filter()).isEqualTo(filter);
        assertThat(DirectoryParameters.format(DirectoryFilter.official(TODAY), TODAY)).isEmpty();
    }
}
