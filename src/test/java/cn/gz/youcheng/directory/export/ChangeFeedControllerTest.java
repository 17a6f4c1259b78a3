package cn.gz.youcheng.directory.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.registry.AdminLevel;
import cn.gz.youcheng.registry.AgreementKind;
import cn.gz.youcheng.registry.AgreementStatus;
import cn.gz.youcheng.registry.Continent;
import cn.gz.youcheng.registry.RegistryCommands.AddPartner;
import cn.gz.youcheng.registry.RegistryCommands.ChangeStatus;
import cn.gz.youcheng.registry.RegistryCommands.Upgrade;
import cn.gz.youcheng.registry.RegistryService;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class ChangeFeedControllerTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    RegistryService registry;
    @Autowired
    JdbcClient jdbc;

    MockMvc http;

    @BeforeEach
    void anonymousVisitor() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theFeedHasEachPublicChangeLatestRecordedFirstInTheLanguageAskedWithoutInternalNotes() throws Exception {
        // A partner's whole life, recorded now: the newest entries of the feed. Ended at the last, so that the
        // published lists other tests count stay as they are.
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "feed.officer", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
        long id = registry.addPartner(new AddPartner("卑尔根", "Bergen", "NO", Continent.EUROPE, AdminLevel.CITY, null, null,
                AgreementKind.FRIENDLY_EXCHANGE, LocalDate.of(2021, 3, 1), null, null, "INTERNAL first note"));
        long memorandum = agreement(id, "FRIENDLY_EXCHANGE");
        registry.changeStatus(new ChangeStatus(memorandum, version(memorandum), AgreementStatus.SUSPENDED,
                LocalDate.of(2021, 9, 1), "visits paused", "INTERNAL suspension note"));
        registry.changeStatus(new ChangeStatus(memorandum, version(memorandum), AgreementStatus.ACTIVE,
                LocalDate.of(2022, 1, 5), "visits resumed"));
        long partnerVersion = jdbc.sql("select version from partner where id = :id").param("id", id).query(Long.class).single();
        long sisterCity = registry.upgrade(new Upgrade(id, partnerVersion, LocalDate.of(2023, 4, 2), null, null));
        registry.changeStatus(new ChangeStatus(sisterCity, version(sisterCity), AgreementStatus.TERMINATED,
                LocalDate.of(2024, 6, 30), "ended by the city council"));

        MockHttpServletResponse response = http.perform(get("/feed.atom?lang=en")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/atom+xml");
        assertThat(response.getHeader("ETag")).isNotBlank();
        assertThat(response.getHeader(DownloadRequest.IGNORED_HEADER)).isNull();
        String xml = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(xml).contains("xmlns=\"http://www.w3.org/2005/Atom\"").doesNotContain("INTERNAL");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Guangzhou Friendship Cities · Changes to the lists");
        List<SyndEntry> newest = feed.getEntries().subList(0, 5);
        assertThat(newest).extracting(SyndEntry::getTitle).containsExactly(
                "Ended: Bergen (Norway)",
                "Upgraded to sister city: Bergen (Norway)",
                "Reinstated: Bergen (Norway)",
                "Suspended: Bergen (Norway)",
                "New partner: Bergen (Norway)");
        assertThat(newest.getFirst().getDescription().getValue())
                .isEqualTo("Sister-city agreement · in effect from 2024-06-30 · reason: ended by the city council");
        assertThat(newest.getFirst().getCategories().getFirst().getName()).isEqualTo("terminated");
        assertThat(newest).allSatisfy(entry -> {
            assertThat(entry.getLink()).isEqualTo("http://localhost/partners/" + id + "?lang=en");
            assertThat(entry.getUri()).startsWith("urn:uuid:");
            assertThat(entry.getUpdatedDate()).isNotNull();
        });
        assertThat(newest).extracting(SyndEntry::getUri).doesNotHaveDuplicates();
        assertThat(feed.getEntries()).hasSizeLessThanOrEqualTo(ChangeFeedController.ENTRIES);

        SyndFeed chinese = new SyndFeedInput().build(new StringReader(http.perform(get("/feed.atom"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)));
        assertThat(chinese.getEntries().getFirst().getTitle()).isEqualTo("终止：卑尔根（挪威）");
        assertThat(chinese.getEntries().getFirst().getUri()).as("an entry's id is the same in either language")
                .isEqualTo(newest.getFirst().getUri());
    }

    @Test
    void aReaderWithTheLatestFeedGetsNotModified() throws Exception {
        MockHttpServletResponse first = http.perform(get("/feed.atom?lang=zh")).andReturn().getResponse();

        MockHttpServletResponse again = http.perform(get("/feed.atom?lang=zh").header("If-None-Match", first.getHeader("ETag")))
                .andReturn().getResponse();

        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(http.perform(get("/feed.atom?lang=en").header("If-None-Match", first.getHeader("ETag")))
                .andReturn().getResponse().getStatus()).as("the other language is another feed").isEqualTo(200);
    }

    private long agreement(long partnerId, String kind) {
        return jdbc.sql("select id from agreement where partner_id = :id and kind = :kind").param("id", partnerId)
                .param("kind", kind).query(Long.class).single();
    }

    private long version(long agreementId) {
        return jdbc.sql("select version from agreement where id = :id").param("id", agreementId).query(Long.class).single();
    }
}
