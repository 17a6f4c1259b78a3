package cn.gz.youcheng.registry.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the read model's statements run: one JDBC client that fetches large results in chunks, and the
 * clock that says which date is today (today's standings are kept, other dates' derived).
 */
final class DirectoryDatabase {

    private final JdbcClient jdbc;
    private final Clock clock;

    DirectoryDatabase(DataSource dataSource, Clock clock) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // Within a transaction PostgreSQL then sends a large result in chunks instead of all at once.
        template.setFetchSize(2000);
        this.jdbc = JdbcClient.create(template);
        this.clock = clock;
    }

    /** Today in Guangzhou: the date the lists are shown for unless another is asked for. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The filter's statements, with the countries its text names looked up first. */
    DirectorySql sqlFor(DirectoryFilter filter) {
        String text = filter.text();
        List<String> textCountries = text == null ? List.of()
                // The codes are the table's primary key: never null.
                : run(DirectorySql.countriesNamed(text)).query((rs, i) -> rs.getString(1)).list();
        return DirectorySql.of(filter, today(), textCountries);
    }

    JdbcClient.StatementSpec run(DirectorySql.Statement statement) {
        return jdbc.sql(statement.sql()).params(statement.params());
    }

    JdbcClient.StatementSpec run(String sql) {
        return jdbc.sql(sql);
    }
}
