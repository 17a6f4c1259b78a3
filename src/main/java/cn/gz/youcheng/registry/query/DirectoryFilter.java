package cn.gz.youcheng.registry.query;

import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.PartnerList;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the public directory shows: partners as they stood on {@code asOf}, narrowed by the other criteria.
 * A null criterion (or an empty set) does not narrow.
 *
 * @param text matched, case-insensitively, against the Chinese and English names of partner and country
 * @param list sister cities or exchange cities
 * @param countries ISO 3166-1 alpha-2 codes
 * @param continents continents of the partners' countries
 * @param fromYear first signing year, inclusive
 * @param toYear last signing year, inclusive
 * @param status the standing of the partner's agreement on the date; null for every standing
 * @param asOf the date the lists are shown for
 * @param exchangedSince partners with a published exchange starting in this year or later
 */
public record DirectoryFilter(
        @Nullable String text,
        @Nullable PartnerList list,
        Set<String> countries,
        Set<Continent> continents,
        @Nullable Integer fromYear,
        @Nullable Integer toYear,
        @Nullable AgreementStatus status,
        LocalDate asOf,
        @Nullable Integer exchangedSince) {

    public DirectoryFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        continents = continents == null ? Set.of() : Set.copyOf(continents);
        Objects.requireNonNull(asOf, "asOf");
    }

    /** A filter that does not ask for exchanges. */
    public DirectoryFilter(@Nullable String text, @Nullable PartnerList list, Set<String> countries,
            Set<Continent> continents, @Nullable Integer fromYear, @Nullable Integer toYear,
            @Nullable AgreementStatus status, LocalDate asOf) {
        this(text, list, countries, continents, fromYear, toYear, status, asOf, null);
    }

    /** The same filter with another text. */
    public DirectoryFilter withText(@Nullable String newText) {
        return new DirectoryFilter(newText, list, countries, continents, fromYear, toYear, status, asOf, exchangedSince);
    }

    /** The same filter for these countries only. */
    public DirectoryFilter withCountries(Set<String> newCountries) {
        return new DirectoryFilter(text, list, newCountries, continents, fromYear, toYear, status, asOf, exchangedSince);
    }

    /** The same filter for agreements of this standing (null for any). */
    public DirectoryFilter withStatus(@Nullable AgreementStatus newStatus) {
        return new DirectoryFilter(text, list, countries, continents, fromYear, toYear, newStatus, asOf, exchangedSince);
    }

    /** The two official lists on a date: every partner with an active agreement, nothing else narrowed. */
    public static DirectoryFilter official(LocalDate asOf) {
        return new DirectoryFilter(null, null, Set.of(), Set.of(), null, null, AgreementStatus.ACTIVE, asOf);
    }
}
