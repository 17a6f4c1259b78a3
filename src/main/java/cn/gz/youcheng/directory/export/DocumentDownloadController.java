package cn.gz.youcheng.directory.export;

import cn.gz.youcheng.directory.DirectoryParameters;
import cn.gz.youcheng.registry.DocumentService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * {@code /export/documents/{id}}: a document of an agreement or exchange, always as an attachment with its
 * own type (checked from its content when it was attached) and never sniffed by the browser. A published one
 * for anyone; an internal one for a signed-in officer alone; for anyone else, as for a document that does
 * not exist, 404.
 */
@RestController
class DocumentDownloadController {

    private final DocumentService documents;

    DocumentDownloadController(DocumentService documents) {
        this.documents = documents;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "A published document of an agreement or exchange, as an attachment",
            tags = "documents")
    @GetMapping("/export/documents/{id}")
    void document(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long documentId = DirectoryParameters.partnerId(id);
        boolean sent = documentId != null && documents.download(documentId, file -> {
            // Its content never changes: its digest is its version.
            String etag = '"' + file.sha256() + '"';
            response.setHeader(HttpHeaders.CACHE_CONTROL, file.published() ? CacheControl.noCache().cachePublic().getHeaderValue()
                    : CacheControl.noStore().cachePrivate().getHeaderValue());
            if (new ServletWebRequest(request, response).checkNotModified(etag)) {
                return null;
            }
            response.setContentType(file.mediaType());
            response.setContentLengthLong(file.sizeBytes());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString());
            response.setHeader("X-Content-Type-Options", "nosniff");
            return response.getOutputStream();
        });
        if (!sent) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
