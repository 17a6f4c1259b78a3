package cn.gz.youcheng.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gz.youcheng.AdminTest;
import cn.gz.youcheng.KaribuTest;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.RegistryCommands.AddPartner;
import cn.gz.youcheng.registry.RegistryCommands.ChangeStatus;
import cn.gz.youcheng.registry.RegistryCommands.EditAgreement;
import cn.gz.youcheng.registry.RegistryService;
import cn.gz.youcheng.security.Role;
import com.vaadin.flow.component.UI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A marker written into every internal field appears nowhere the public can see: no public page, in either
 * language, and no download. The published fields beside it do appear, so the check looks in the right place.
 */
@AdminTest
class InternalNotesStayInternalTest extends KaribuTest {

    private static final String MARKER = "MARKER-INTERNAL-4c1d";

    @Autowired
    RegistryService registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebApplicationContext context;

    @Test
    void anInternalNoteIsInNoPublicPageAndNoDownload() throws Exception {
        login("note.officer", Role.EDITOR);
        long partner = registry.addPartner(new AddPartner("拉赫蒂", "Lahti", "FI", Continent.EUROPE, AdminLevel.CITY,
                60.98, 25.66, AgreementKind.FRIENDLY_EXCHANGE, LocalDate.of(2023, 8, 8), "Lahti city hall",
                "https://example.org/lahti-mou", MARKER + " agreement: the mayor asked for discretion"));
        long agreement = jdbc.sql("select id from agreement where partner_id = :p").param("p", partner)
                .query(Long.class).single();
        registry.changeStatus(new ChangeStatus(agreement, version(agreement), AgreementStatus.SUSPENDED,
                LocalDate.of(2025, 2, 2), "Suspended by mutual agreement.", MARKER + " suspension: pending an investigation"));
        registry.editAgreement(new EditAgreement(agreement, version(agreement), LocalDate.of(2023, 8, 8),
                "Lahti city hall", "https://example.org/lahti-mou", MARKER + " edited: still confidential"));
        SecurityContextHolder.clearContext();
        assertThat(jdbc.sql("select count(*) from agreement where internal_note like :m").param("m", MARKER + "%")
                .query(Integer.class).single()).isEqualTo(1);

        for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            UI.getCurrent().setLocale(language);
            UI.getCurrent().navigate("partners/" + partner);
            String page = shown();
            assertThat(page).contains("Lahti city hall").contains("Suspended by mutual agreement.")
                    .contains("https://example.org/lahti-mou").doesNotContain(MARKER);
        }
        // The directory, the statistics and the map show rows and counts of a read model with no field for an
        // agreement's text at all; the partner page and the downloads are where agreements' texts are public.

        MockMvc http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        for (String download : List.of("/export/partners.csv?status=all", "/export/partners.json?status=all",
                "/export/official.txt", "/export/partners.csv?q=Lahti&status=all")) {
            String body = new String(http.perform(get(download)).andReturn().getResponse().getContentAsByteArray(),
                    StandardCharsets.UTF_8);
            assertThat(body).as(download).isNotEmpty().doesNotContain(MARKER);
        }
    }

    /** Everything on screen: the outermost layout with the view in it, as HTML. */
    private static String shown() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getLast().getElement().getOuterHTML();
    }

    private long version(long agreement) {
        return jdbc.sql("select version from agreement where id = :id").param("id", agreement).query(Long.class).single();
    }
}
