package cn.gz.youcheng.directory.ui.findable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /robots.txt}: crawlers may read the public pages (the directory, statistics, map and every
 * partner's page, in either language) and the downloads as linked, and are kept out of the officers' area
 * and out of the endless combinations of filters, whose content the unfiltered pages already hold.
 */
@RestController
class RobotsController {

    /**
     * Google and Bing take the longest matching rule, so {@code ?lang=} is allowed where other parameters
     * are not. Vaadin's own resources stay open: a crawler that runs the page's scripts needs them.
     */
    static final String ROBOTS = """
            User-agent: *
            Allow: /
            Allow: /*?lang=
            Disallow: /*?
            Disallow: /admin
            Disallow: /login
            """;

    @io.swagger.v3.oas.annotations.Operation(summary = "What crawlers may read", tags = "search engines")
    @GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> robots() {
        // The sitemap is named by its full address, as the protocol wants.
        String sitemap = ServletUriComponentsBuilder.fromCurrentContextPath().path("/sitemap.xml").toUriString();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(ROBOTS + "\nSitemap: " + sitemap + "\n");
    }
}
