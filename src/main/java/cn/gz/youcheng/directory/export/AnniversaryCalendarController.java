package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Translations;
import cn.gz.youcheng.directory.AnniversaryWording;
import cn.gz.youcheng.registry.query.Anniversaries;
import cn.gz.youcheng.registry.query.DirectoryQueries;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /export/anniversaries.ics}: the anniversaries page as an iCalendar feed (RFC 5545, written with
 * ical4j) that an office calendar subscribes to: one all-day event per round anniversary in the next twelve
 * months, with a UID that stays the same from one fetch to the next, so a calendar updates an event rather
 * than adding it again. In {@code ?lang=}'s language, Chinese unless {@code lang=en}.
 */
@RestController
class AnniversaryCalendarController {

    private final DirectoryQueries queries;
    private final Anniversaries anniversaries;

    AnniversaryCalendarController(DirectoryQueries queries, Anniversaries anniversaries) {
        this.queries = queries;
        this.anniversaries = anniversaries;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The round anniversaries of the next twelve months as an "
            + "iCalendar feed; lang=zh (default) or en", tags = "anniversaries")
    @GetMapping("/export/anniversaries.ics")
    void calendar(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lang = "en".equals(request.getParameter("lang")) ? "en" : "zh";
        Locale locale = lang.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        // The calendar changes with the registry and with the day (an anniversary passes, another comes in).
        DownloadRequest download = DownloadRequest.of(request, queries, "ics|" + lang);
        if (download.notModified(request, response)) {
            return;
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();

        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Youcheng//Guangzhou partner cities//" + lang.toUpperCase(Locale.ROOT)));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new XProperty("X-WR-CALNAME", Translations.text(Message.of("anniversaries.calendar-name"), locale)));
        for (Anniversaries.Anniversary anniversary : anniversaries.nextTwelveMonths(queries.today())) {
            VEvent event = new VEvent(anniversary.on(), AnniversaryWording.title(anniversary, locale));
            // The same agreement's same anniversary is the same event, in either language and from any address.
            event.add(new Uid("youcheng-anniversary-" + anniversary.agreementId() + "-" + anniversary.years()));
            event.add(new Description(AnniversaryWording.summary(anniversary, locale)));
            event.add(new Url(URI.create(base + "/partners/" + anniversary.partnerId() + "?lang=" + lang)));
            calendar.add(event);
        }

        download.writeHeaders(response, "text/calendar", download.fileName("guangzhou-partner-anniversaries", "ics"));
        try (Writer out = response.getWriter()) {
            new CalendarOutputter(false).output(calendar, out);
        }
    }
}
