package cn.gz.youcheng.registry;

import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.registry.RegistryCommands.AttachDocument;
import cn.gz.youcheng.registry.RegistryValidationException.Problem;
import cn.gz.youcheng.registry.repository.AgreementRepository;
import cn.gz.youcheng.registry.repository.DocumentRepository;
import cn.gz.youcheng.registry.repository.ExchangeRepository;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents of agreements and exchanges: attached and deleted by officers (audited), downloaded by anyone if
 * published (and its exchange is), by officers alone otherwise. A file goes into a PostgreSQL large object as
 * it arrives and comes out the same way, a few kilobytes at a time, whatever its size. Its type is what its
 * content is, not what its name or the browser says: PDF, JPEG, PNG, or a Word document (DOCX); anything else
 * is refused.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'EDITOR')")
public class DocumentService {

    /** The most a document may weigh: 20 MB. */
    public static final long MOST_BYTES = 20L * 1024 * 1024;

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** Entries of a ZIP file looked at for a Word document's part: a DOCX names it among its first few. */
    private static final int ZIP_ENTRIES_LOOKED_AT = 64;

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

    private final DocumentRepository documents;
    private final AgreementRepository agreements;
    private final ExchangeRepository exchanges;
    private final CommandRules rules;
    private final DataSource dataSource;
    private final Clock clock;

    DocumentService(DocumentRepository documents, AgreementRepository agreements, ExchangeRepository exchanges,
            CommandRules rules, DataSource dataSource, Clock clock) {
        this.documents = documents;
        this.agreements = agreements;
        this.exchanges = exchanges;
        this.rules = rules;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A document's format as people name it: PDF, JPEG, PNG or DOCX. */
    public static String format(String mediaType) {
        return switch (mediaType) {
            case PDF -> "PDF";
            case JPEG -> "JPEG";
            case PNG -> "PNG";
            default -> "DOCX";
        };
    }

    /** A size as the office's lists show it: whole kilobytes below a megabyte, else megabytes to one decimal. */
    public static String size(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** What a download needs before its first byte: the headers. */
    public record DocumentFile(long id, String fileName, String mediaType, long sizeBytes, String sha256, boolean published) {
    }

    /** Where a download's bytes go, once its headers are known; null when none are wanted (the copy is current). */
    public interface Sink {
        @Nullable OutputStream open(DocumentFile file) throws IOException;
    }

    /** A partner's documents, of its agreements and its exchanges, published or not. */
    @Transactional(readOnly = true)
    public List<DocumentEditing> ofPartner(long partnerId) {
        return documents.ofPartner(partnerId).stream().map(DocumentEditing::of).toList();
    }

    /**
     * Attaches a file read from {@code content} to an agreement or exchange; returns the document's id. Nothing
     * is kept if the file is empty, too large or not of an accepted type, or the request breaks a rule.
     */
    public long attach(AttachDocument command, String fileName, InputStream content) throws IOException {
        List<Problem> problems = new ArrayList<>(rules.problems(command));
        Agreement agreement = command.agreementId() == null ? null : agreements.findById(command.agreementId()).orElse(null);
        Exchange exchange = command.exchangeId() == null ? null : exchanges.findById(command.exchangeId()).orElse(null);
        if ((agreement == null) == (exchange == null)) {
            problems.add(new Problem("file", "validation.document-of-one"));
        }
        String name = Text.stored(Text.oneLine(fileName));
        if (name == null) {
            name = "document";
        }
        name = name.length() > 255 ? name.substring(name.length() - 255) : name;
        if (!problems.isEmpty()) {
            throw new RegistryValidationException(problems);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            LargeObjectManager objects = connection.unwrap(PGConnection.class).getLargeObjectAPI();
            long oid = objects.createLO(LargeObjectManager.READWRITE);
            byte[] head = new byte[8];
            int headLength = 0;
            long size = 0;
            MessageDigest digest = sha256();
            try (LargeObject object = objects.open(oid, LargeObjectManager.WRITE);
                    OutputStream out = object.getOutputStream()) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                    size += read;
                    if (size > MOST_BYTES) {
                        // The transaction rolls back, and the large object with it.
                        throw new RegistryValidationException(List.of(new Problem("file", "validation.document-too-large", 20)));
                    }
                    if (headLength < head.length) {
                        int taken = Math.min(head.length - headLength, read);
                        System.arraycopy(buffer, 0, head, headLength, taken);
                        headLength += taken;
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw new RegistryValidationException(List.of(new Problem("file", "validation.document-empty")));
            }
            String mediaType = mediaType(Arrays.copyOf(head, headLength), objects, oid);
            if (mediaType == null) {
                throw new RegistryValidationException(List.of(new Problem("file", "validation.document-type")));
            }
            Document document = new Document(agreement, exchange, java.util.Objects.requireNonNull(Text.stored(command.title())),
                    name, mediaType, size,
                    HexFormat.of().formatHex(digest.digest()), oid, command.published(), clock.instant());
            long id = documents.saveAndFlush(document).getId();
            log.info("Document {} ({}, {} bytes) attached to {} {}", id, mediaType, size,
                    agreement != null ? "agreement" : "exchange", agreement != null ? agreement.getId() : command.exchangeId());
            return id;
        } catch (SQLException e) {
            throw new IOException("the document could not be stored", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Deletes a document and its file; its record stays in the audit trail. */
    public void delete(long documentId, long version) {
        Document document = documents.findById(documentId).filter(found -> found.getVersion() == version)
                .orElseThrow(() -> new ObjectOptimisticLockingFailureException(Document.class, documentId));
        documents.delete(document);
        documents.flush();
        log.info("Document {} deleted", documentId);
    }

    /**
     * Writes a document to the sink if the caller may read it: anyone a published document of a published
     * exchange or of an agreement, an officer any. False if there is no such document for the caller.
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public boolean download(long documentId, Sink sink) throws IOException {
        Optional<Document> found = documents.findById(documentId);
        if (found.isEmpty() || !mayRead(found.get())) {
            return false;
        }
        Document document = found.get();
        OutputStream wanted = sink.open(new DocumentFile(document.getId(), document.getFileName(), document.getMediaType(),
                document.getSizeBytes(), document.getSha256(), isPublic(document)));
        if (wanted == null) {
            return true;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (OutputStream out = wanted) {
            LargeObjectManager objects = connection.unwrap(PGConnection.class).getLargeObjectAPI();
            try (LargeObject object = objects.open(document.getContent(), LargeObjectManager.READ);
                    InputStream in = object.getInputStream()) {
                in.transferTo(out);
            }
            return true;
        } catch (SQLException e) {
            throw new IOException("the document could not be read", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static boolean mayRead(Document document) {
        if (isPublic(document)) {
            return true;
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.isAuthenticated() && who.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()) || "ROLE_EDITOR".equals(authority.getAuthority()));
    }

    static boolean isPublic(Document document) {
        Exchange exchange = document.getExchange();
        return document.isPublished() && (exchange == null || exchange.isPublished());
    }

    /** The type the content is, by its first bytes; a ZIP file is a Word document only if it holds one's part. */
    private static @Nullable String mediaType(byte[] head, LargeObjectManager objects, long oid) throws SQLException, IOException {
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            try (LargeObject object = objects.open(oid, LargeObjectManager.READ);
                    ZipInputStream zip = new ZipInputStream(new BufferedInputStream(object.getInputStream()))) {
                boolean types = false;
                boolean word = false;
                ZipEntry entry;
                for (int i = 0; i < ZIP_ENTRIES_LOOKED_AT && (entry = zip.getNextEntry()) != null; i++) {
                    String entryName = entry.getName().toLowerCase(Locale.ROOT);
                    types |= entryName.equals("[content_types].xml");
                    word |= entryName.equals("word/document.xml");
                    if (types && word) {
                        return DOCX;
                    }
                }
            } catch (java.util.zip.ZipException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... expected) {
        if (head.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
