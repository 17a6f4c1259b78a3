package cn.gz.youcheng.directory.export;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A path under {@code /export/} or {@code /api/} that names no download or endpoint is a plain 404, as a
 * program reading it expects, never the application's HTML page (which Vaadin would otherwise answer, with
 * 200, for any path no controller takes). The downloads' own mappings are more specific and win.
 */
@RestController
class NoSuchDownload {

    @RequestMapping({"/export/**", "/api/**"})
    ResponseEntity<String> none() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body("Not found\n");
    }
}
