package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.registry.DirectoryQueries;
import cn.gz.youcheng.registry.importing.OfficialListExport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The official list in the office's published text format, regenerated from the registry. */
@RestController
class OfficialTextController {

    private final OfficialListExport export;
    private final DirectoryQueries queries;

    OfficialTextController(OfficialListExport export, DirectoryQueries queries) {
        this.export = export;
        this.queries = queries;
    }

    @GetMapping("/export/official.txt")
    ResponseEntity<String> officialText(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : queries.today();
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("guangzhou-friendship-cities-" + date + ".txt").build().toString())
                .body(export.officialText(date));
    }
}
