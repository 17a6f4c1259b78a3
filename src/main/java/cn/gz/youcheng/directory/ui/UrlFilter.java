package cn.gz.youcheng.directory.ui;

import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.CountryOption;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the directory's filter parameters from a navigation, for the views that share them. */
final class UrlFilter {

    private final DirectoryQueries queries;
    private final Set<String> knownCountries;

    UrlFilter(DirectoryQueries queries) {
        this(queries, queries.countries());
    }

    UrlFilter(DirectoryQueries queries, List<CountryOption> countries) {
        this.queries = queries;
        this.knownCountries = countries.stream().map(CountryOption::iso2).collect(Collectors.toSet());
    }

    DirectoryParameters.Parsed read(BeforeEnterEvent event) {
        return DirectoryParameters.parse(event.getLocation().getQueryParameters().getParameters(), knownCountries,
                queries.today());
    }
}
