package cn.gz.youcheng.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gz.youcheng.IntegrationTest;
import cn.gz.youcheng.registry.RegistryCommands.AttachDocument;
import cn.gz.youcheng.registry.RegistryCommands.SaveExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
class DocumentServiceTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    DocumentService documents;
    @Autowired
    ExchangeService exchanges;
    @Autowired
    PartnerHistory history;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebApplicationContext context;

    MockMvc http;
    long istanbul;
    long agreement;

    @BeforeEach
    void officer() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        istanbul = jdbc.sql("select id from partner where name_zh = '伊斯坦布尔'").query(Long.class).single();
        agreement = jdbc.sql("select id from agreement where partner_id = :id").param("id", istanbul).query(Long.class).single();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "document.officer", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR")));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPublishedPdfOfAnAgreementIsDownloadedByAnyoneAsAnAttachmentOfItsTypeAndBytes() throws Exception {
        long id = documents.attach(new AttachDocument(agreement, null, "Memorandum 2005", true), "备忘录 2005.pdf",
                new ByteArrayInputStream(PDF));
        SecurityContextHolder.clearContext();

        MockHttpServletResponse response = http.perform(get("/export/documents/" + id)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains("filename*=UTF-8''");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(http.perform(get("/export/documents/" + id).header("If-None-Match", response.getHeader("ETag")))
                .andReturn().getResponse().getStatus()).isEqualTo(304);
    }

    @Test
    void anInternalDocumentOrOneOfAnInternalExchangeIsForOfficersAloneAndNotFoundForAnyoneElse() throws Exception {
        long internal = documents.attach(new AttachDocument(agreement, null, "Internal minutes", false), "minutes.png",
                new ByteArrayInputStream(PNG));
        long quietExchange = exchanges.save(new SaveExchange(null, 0, istanbul, null, LocalDate.of(2024, 2, 2), null,
                ExchangeKind.OTHER, Set.of(ExchangeTheme.OTHER), "内部", null, null, null, null, null, null, null, false));
        long ofInternalExchange = documents.attach(new AttachDocument(null, quietExchange, "Programme", true), "programme.pdf",
                new ByteArrayInputStream(PDF));
        SecurityContextHolder.clearContext();

        for (long id : new long[] {internal, ofInternalExchange}) {
            assertThat(http.perform(get("/export/documents/" + id)).andReturn().getResponse().getStatus()).isEqualTo(404);
            MockHttpServletResponse officer = http.perform(get("/export/documents/" + id).with(user("officer").roles("EDITOR")))
                    .andReturn().getResponse();
            assertThat(officer.getStatus()).isEqualTo(200);
            assertThat(officer.getHeader("Cache-Control")).contains("no-store").contains("private");
        }
        assertThat(http.perform(get("/export/documents/999999999")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(http.perform(get("/export/documents/abc")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theTypeIsTheContentsNotTheNamesAndAWordDocumentIsAZipWithWordsParts() throws Exception {
        long before = largeObjects();
        assertThatThrownBy(() -> documents.attach(new AttachDocument(agreement, null, "Not a PDF", true), "letter.pdf",
                new ByteArrayInputStream("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.message().key()).containsExactly("validation.document-type"));
        assertThatThrownBy(() -> documents.attach(new AttachDocument(agreement, null, "A zip", true), "letter.docx",
                new ByteArrayInputStream(zip("notes.txt")))).isInstanceOf(RegistryValidationException.class);
        assertThat(largeObjects()).as("nothing kept of a refused file").isEqualTo(before);

        long docx = documents.attach(new AttachDocument(agreement, null, "Letter", true), "letter.docx",
                new ByteArrayInputStream(zip("[Content_Types].xml", "word/document.xml")));
        assertThat(jdbc.sql("select media_type from document where id = :id").param("id", docx).query(String.class).single())
                .isEqualTo(DocumentService.DOCX);
    }

    @Test
    void aFileOverTwentyMegabytesIsRefusedAfterReadingNoMoreThanThatAndLeavesNothing() {
        long before = largeObjects();
        InputStream huge = new InputStream() {
            private long left = DocumentService.MOST_BYTES + 1;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) '%');
                left -= n;
                return n;
            }
        };

        assertThatThrownBy(() -> documents.attach(new AttachDocument(agreement, null, "Too large", true), "big.pdf", huge))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.message().key()).containsExactly("validation.document-too-large"));
        assertThat(largeObjects()).isEqualTo(before);
    }

    @Test
    void aDocumentWithoutATitleOrOfNeitherAnAgreementNorAnExchangeIsRefusedBeforeItsFileIsRead() {
        long before = largeObjects();
        ByteArrayInputStream file = new ByteArrayInputStream(PDF);

        assertThatThrownBy(() -> documents.attach(new AttachDocument(agreement, null, " ", true), "x.pdf", file))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.problems())
                        .extracting(RegistryValidationException.Problem::field).containsExactly("title"));
        assertThatThrownBy(() -> documents.attach(new AttachDocument(null, null, "Orphan", true), "x.pdf", file))
                .isInstanceOfSatisfying(RegistryValidationException.class, e -> assertThat(e.problems())
                        .extracting(RegistryValidationException.Problem::field).containsExactly("file"));
        assertThat(file.available()).as("not a byte read").isEqualTo(PDF.length);
        assertThat(largeObjects()).isEqualTo(before);
    }

    @Test
    void deletingADocumentRemovesItsFileAndTheHistoryKeepsItsRecord() throws IOException {
        long id = documents.attach(new AttachDocument(agreement, null, "To be deleted", false), "x.png", new ByteArrayInputStream(PNG));
        long before = largeObjects();
        DocumentEditing attached = documents.ofPartner(istanbul).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
        assertThat(attached.mediaType()).isEqualTo("image/png");
        assertThat(attached.sizeBytes()).isEqualTo(PNG.length);

        documents.delete(id, attached.version());

        assertThat(largeObjects()).isEqualTo(before - 1);
        assertThat(jdbc.sql("select count(*) from document_aud where id = :id and revtype = 2").param("id", id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void deletingAnExchangeDeletesItsDocumentsAndTheirFiles() throws IOException {
        long exchange = exchanges.save(new SaveExchange(null, 0, istanbul, null, LocalDate.of(2024, 3, 3), null,
                ExchangeKind.EVENT, Set.of(ExchangeTheme.CULTURE), "展览", null, null, null, null, null, null, null, true));
        long document = documents.attach(new AttachDocument(null, exchange, "Catalogue", true), "catalogue.pdf",
                new ByteArrayInputStream(PDF));
        long before = largeObjects();
        long version = jdbc.sql("select version from exchange where id = :id").param("id", exchange).query(Long.class).single();

        exchanges.delete(exchange, version);

        assertThat(jdbc.sql("select count(*) from document where id = :id").param("id", document).query(Integer.class).single())
                .isZero();
        assertThat(largeObjects()).isEqualTo(before - 1);
    }

    private long largeObjects() {
        return jdbc.sql("select count(*) from pg_largeobject_metadata").query(Long.class).single();
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
