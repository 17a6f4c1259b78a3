package cn.gz.youcheng.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gz.youcheng.Application;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.PartnerHistory;
import cn.gz.youcheng.registry.RegistryCommands.AddPartner;
import cn.gz.youcheng.registry.RegistryCommands.ChangeStatus;
import cn.gz.youcheng.registry.RegistryService;
import cn.gz.youcheng.registry.query.DirectoryFilter;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import cn.gz.youcheng.security.Role;
import cn.gz.youcheng.security.UserService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Backups as the README tells an operator to take them, restored into an empty database: everything comes
 * back (every table, row for row: partners, agreements, their history, the audit trail, accounts, sign-in
 * records, keys), and the application runs on the restored database as it did on the original.
 */
class BackupRestoreTest {

    /** The PostgreSQL major version of the server this test starts for pg_dump (pom.xml, backup-test-postgres). */
    private static final String SERVER_MAJOR = "15";

    @Test
    void aCustomFormatDumpOfAnExternalDatabaseRestoresIntoAnEmptyOneWithEverything(@TempDir Path work) throws Exception {
        assumeTrue(clientMajor("pg_dump").equals(SERVER_MAJOR) && clientMajor("pg_restore").equals(SERVER_MAJOR),
                "needs pg_dump and pg_restore " + SERVER_MAJOR + " (Debian's postgresql-client), which CI installs");
        Path binaries = work.resolve("postgres.txz");
        try (ZipFile jar = new ZipFile("target/backup-test/postgres-" + SERVER_MAJOR + ".jar");
                InputStream txz = jar.getInputStream(jar.getEntry("postgres-linux-x86_64.txz"))) {
            Files.copy(txz, binaries);
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, machine) -> Files.newInputStream(binaries)).start()) {
            String source = server.getJdbcUrl("postgres", "postgres");
            Map<String, String> before;
            Snapshot usedBefore;
            try (ConfigurableApplicationContext app = start(source)) {
                changeTheRegistry(app);
                usedBefore = snapshot(app);
                before = tables(server.getPostgresDatabase());
            }

            // The README's commands.
            Path dump = work.resolve("youcheng.dump");
            run("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file=" + dump,
                    "--dbname=postgresql://postgres@localhost:" + server.getPort() + "/postgres");
            JdbcClient.create(server.getPostgresDatabase()).sql("create database restored").update();
            run("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
                    "--dbname=postgresql://postgres@localhost:" + server.getPort() + "/restored", dump.toString());

            DataSource restored = server.getDatabase("postgres", "restored");
            assertThat(tables(restored)).isEqualTo(before);
            try (ConfigurableApplicationContext app = start(server.getJdbcUrl("postgres", "restored"))) {
                assertThat(snapshot(app)).isEqualTo(usedBefore);
                // The restored database goes on: new rows take ids of their own.
                signInAsAdministrator();
                app.getBean(RegistryService.class).addPartner(partner("汉堡后", "After Hamburg"));
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    @Test
    void theEmbeddedDatabaseCopiedWhileTheApplicationIsStoppedRestoresEverything(@TempDir Path work) throws Exception {
        Path original = work.resolve("data");
        Snapshot before;
        Map<String, String> tablesBefore;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--youcheng.embedded-database.data-dir=" + original)) {
            changeTheRegistry(app);
            before = snapshot(app);
            tablesBefore = tables(app.getBean(DataSource.class));
        }
        Path copy = work.resolve("backup");
        copyDirectory(original, copy);

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--youcheng.embedded-database.data-dir=" + copy)) {
            assertThat(tables(app.getBean(DataSource.class))).isEqualTo(tablesBefore);
            assertThat(snapshot(app)).isEqualTo(before);
        }
    }

    /** What officers and visitors see: the lists, the totals, a partner's history, the accounts. */
    private record Snapshot(List<String> lists, String totals, List<String> history, List<String> users) {
    }

    private static Snapshot snapshot(ConfigurableApplicationContext app) {
        DirectoryQueries queries = app.getBean(DirectoryQueries.class);
        DirectoryFilter official = DirectoryFilter.official(LocalDate.of(2026, 12, 1));
        List<String> lists = queries.page(official, List.of(), 0, 1000).stream()
                .map(row -> row.list() + " " + row.seq() + " " + row.nameZh() + " " + row.signedOn()).toList();
        JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
        long hamburg = jdbc.sql("select id from partner where name_en = 'Backup Hamburg'").query(Long.class).single();
        signInAsAdministrator();
        try {
            List<String> history = app.getBean(PartnerHistory.class).of(hamburg).stream()
                    .map(entry -> entry.revision() + " " + entry.username() + " " + entry.at() + " " + entry.changes())
                    .toList();
            List<String> users = app.getBean(UserService.class).users().stream()
                    .map(user -> user.username() + " " + user.role() + " " + user.enabled() + " " + user.version())
                    .toList();
            return new Snapshot(lists, queries.totals(official).toString(), history, users);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void changeTheRegistry(ConfigurableApplicationContext app) {
        signInAsAdministrator();
        try {
            RegistryService registry = app.getBean(RegistryService.class);
            long partner = registry.addPartner(partner("备份汉堡", "Backup Hamburg"));
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            long agreement = jdbc.sql("select id from agreement where partner_id = :p").param("p", partner)
                    .query(Long.class).single();
            long version = jdbc.sql("select version from agreement where id = :a").param("a", agreement)
                    .query(Long.class).single();
            registry.changeStatus(new ChangeStatus(agreement, version, AgreementStatus.SUSPENDED, LocalDate.of(2026, 3, 3),
                    "A reason with\nits second line.", "an internal note"));
            app.getBean(UserService.class).create("backup.officer", "a passphrase kept in a backup", Role.EDITOR);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static AddPartner partner(String nameZh, String nameEn) {
        return new AddPartner(nameZh, nameEn, "DE", Continent.EUROPE, AdminLevel.CITY, 53.55, 9.99,
                AgreementKind.FRIENDLY_EXCHANGE, LocalDate.of(2025, 7, 7), "Hamburg", null, "kept in the backup");
    }

    /** Every table of the application, as its row count and a hash of all its rows in a fixed order. */
    private static Map<String, String> tables(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
                        """).query(String.class).list()) {
            tables.put(table, jdbc.sql("select count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' order by t::text), ''))"
                    + " from \"" + table + "\" t").query(String.class).single());
        }
        assertThat(tables).containsKeys("partner", "agreement", "agreement_status_change", "revision", "partner_aud",
                "agreement_aud", "app_user", "account_event", "sign_in_attempt", "app_secret", "flyway_schema_history");
        return tables;
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(Application.class).run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=");
    }

    private static void signInAsAdministrator() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }

    /** The major version of a PostgreSQL client program on the path, or "none". */
    private static String clientMajor(String program) {
        try {
            Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            process.waitFor(10, TimeUnit.SECONDS);
            java.util.regex.Matcher version = java.util.regex.Pattern.compile("\\) (\\d+)").matcher(output);
            return version.find() ? version.group(1) : "none";
        } catch (IOException | InterruptedException e) {
            return "none";
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    // As cp -a does: PostgreSQL opens only a data directory that only its owner may read.
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(path));
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
