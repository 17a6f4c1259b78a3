package cn.gz.youcheng.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.registry.importing.BulkImport.Outcome;
import cn.gz.youcheng.registry.importing.BulkImport.Preview;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class ExchangeImportTest {

    private static final String HEADER = "partner_id,partner_name_zh,country_iso2,starts_on,ends_on,kind,themes,title_zh,"
            + "title_en,summary_zh,summary_en,guangzhou_unit,partner_unit,participants,source_url,published\r\n";

    @Autowired
    BulkImport bulkImport;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebApplicationContext context;

    long quito;

    @BeforeEach
    void signIn() {
        quito = jdbc.sql("select id from partner where name_zh = '基多'").query(Long.class).single();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "import.officer", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFileOfExchangesIsPreviewedRowByRowAndAppliedAllOrNothingAsOneRevision() {
        String bad = HEADER
                + quito + ",,,2024-05-20,2024-05-24,incoming-delegation,culture education,基多文化代表团,Quito cultural delegation,,,"
                + "广州市文化广电旅游局,,25,https://example.org/quito,true\r\n"
                + ",基多,EC,2024-09-01,,event,\"sport;youth\",,Quito youth football,,,,,,,\r\n"
                + ",基多,EC,2024-13-01,,party,culture,,Bad row,,,,,,,\r\n"
                + ",无此城,EC,2024-09-01,,event,culture,,Nowhere,,,,,,,\r\n";
        long exchangesBefore = count();

        Preview preview = bulkImport.preview("exchanges.csv", bytes(bad));

        assertThat(preview.fileProblem()).isNull();
        assertThat(preview.rows()).extracting(BulkImport.Row::outcome)
                .containsExactly(Outcome.NEW, Outcome.NEW, Outcome.ERROR, Outcome.ERROR);
        assertThat(preview.rows().get(2).detail()).containsExactlyInAnyOrder(Message.of("import.row.date", "2024-13-01"),
                Message.of("import.row.column", "kind", Message.of("import.row.unknown-value", "party")));
        assertThat(preview.rows().get(3).detail()).containsExactly(Message.of("import.row.no-partner"));
        assertThatThrownBy(() -> bulkImport.apply(preview, bytes(bad))).isInstanceOf(ImportRejectedException.class);
        assertThat(count()).isEqualTo(exchangesBefore);

        String good = HEADER + bad.lines().skip(1).limit(2).map(line -> line + "\r\n").reduce("", String::concat);
        long revisions = jdbc.sql("select count(*) from revision").query(Long.class).single();
        Preview applied = bulkImport.apply(bulkImport.preview("exchanges.csv", bytes(good)), bytes(good));

        assertThat(applied.count(Outcome.NEW)).isEqualTo(2);
        assertThat(count()).isEqualTo(exchangesBefore + 2);
        assertThat(jdbc.sql("select count(*) from revision").query(Long.class).single()).isEqualTo(revisions + 1);
        assertThat(jdbc.sql("select published from exchange where title_en = 'Quito youth football'").query(Boolean.class).single())
                .as("internal unless the file says public").isFalse();
        assertThat(jdbc.sql("select themes from exchange where title_en = 'Quito youth football'").query(String.class).single())
                .isEqualTo("SPORT YOUTH");

        Preview again = bulkImport.preview("exchanges.csv", bytes(good));
        assertThat(again.rows()).extracting(BulkImport.Row::outcome).containsOnly(Outcome.UNCHANGED);
        assertThat(again.applicable()).isFalse();
    }

    @Test
    void theExchangesDownloadImportsBackAsUnchanged() throws Exception {
        bulkImport.apply(bulkImport.preview("one.csv", bytes(HEADER + quito
                + ",,,2023-03-03,,gift,culture,,=Ceramic vase,,,,,,,yes\r\n")), bytes(HEADER + quito
                + ",,,2023-03-03,,gift,culture,,=Ceramic vase,,,,,,,yes\r\n"));
        SecurityContextHolder.clearContext();
        byte[] download = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build()
                .perform(get("/export/exchanges.csv")).andReturn().getResponse().getContentAsByteArray();
        signIn();

        Preview preview = bulkImport.preview("exchanges.csv", download);

        assertThat(preview.fileProblem()).isNull();
        assertThat(preview.rows()).isNotEmpty().allSatisfy(row ->
                assertThat(row.outcome()).as(row.toString()).isEqualTo(Outcome.UNCHANGED));
    }

    private long count() {
        return jdbc.sql("select count(*) from exchange where partner_id = :id").param("id", quito).query(Long.class).single();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
