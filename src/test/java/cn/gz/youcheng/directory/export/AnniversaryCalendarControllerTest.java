package cn.gz.youcheng.directory.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.registry.query.Anniversaries;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class AnniversaryCalendarControllerTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Anniversaries anniversaries;
    @Autowired
    DirectoryQueries queries;

    MockMvc http;

    @BeforeEach
    void calendarApplication() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theCalendarHasOneAllDayEventPerAnniversaryWithUidsThatStayTheSameInEitherLanguage() throws Exception {
        List<Anniversaries.Anniversary> upcoming = anniversaries.nextTwelveMonths(queries.today());
        assertThat(upcoming).as("the official list has round anniversaries every year").isNotEmpty();

        MockHttpServletResponse english = fetch("/export/anniversaries.ics?lang=en");
        assertThat(english.getContentType()).startsWith("text/calendar");
        String text = english.getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n").contains("\r\nVERSION:2.0\r\n");
        List<List<String>> events = events(text);
        assertThat(events).hasSize(upcoming.size());
        Anniversaries.Anniversary first = upcoming.getFirst();
        List<String> event = events.getFirst();
        assertThat(event).contains("DTSTART;VALUE=DATE:" + first.on().toString().replace("-", ""))
                .contains("UID:youcheng-anniversary-" + first.agreementId() + "-" + first.years())
                .contains("SUMMARY:" + first.nameEn() + " (" + first.countryEn() + "): " + first.years() + "th anniversary")
                .anyMatch(line -> line.startsWith("DTSTAMP:"))
                .anyMatch(line -> line.startsWith("URL:http://localhost/partners/" + first.partnerId()));

        List<List<String>> chinese = events(fetch("/export/anniversaries.ics").getContentAsString(StandardCharsets.UTF_8));
        assertThat(chinese.getFirst()).contains("SUMMARY:" + first.nameZh() + "（" + first.countryZh() + "）："
                + first.years() + " 周年");
        assertThat(uids(chinese)).isEqualTo(uids(events)).doesNotHaveDuplicates();
    }

    @Test
    void aSubscribedCalendarRefetchingAnUnchangedFeedGetsNotModified() throws Exception {
        String etag = fetch("/export/anniversaries.ics?lang=en").getHeader("ETag");

        assertThat(http.perform(get("/export/anniversaries.ics?lang=en").header("If-None-Match", etag)).andReturn()
                .getResponse().getStatus()).isEqualTo(304);
    }

    /** Each VEVENT's lines, long lines unfolded (RFC 5545 3.1). */
    private static List<List<String>> events(String calendar) {
        List<List<String>> events = new ArrayList<>();
        List<String> current = null;
        for (String line : calendar.replace("\r\n ", "").split("\r\n")) {
            if (line.equals("BEGIN:VEVENT")) {
                current = new ArrayList<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return events;
    }

    private static List<String> uids(List<List<String>> events) {
        return events.stream().map(event -> event.stream().filter(line -> line.startsWith("UID:")).findFirst().orElseThrow()).toList();
    }

    private MockHttpServletResponse fetch(String address) throws Exception {
        MockHttpServletResponse response = http.perform(get(address)).andReturn().getResponse();
        assertThat(response.getStatus()).as(address).isEqualTo(200);
        return response;
    }
}
