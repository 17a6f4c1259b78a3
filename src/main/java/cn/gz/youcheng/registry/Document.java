package cn.gz.youcheng.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/**
 * A file attached to an agreement or an exchange: its title, name, type (checked from its content), size and
 * digest, whether the public may download it, and the large object that holds it (V21).
 */
@Entity
@Audited
public class Document {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @SuppressWarnings("NullAway.Init") // given by the database when the row is first saved
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id")
    private @Nullable Agreement agreement;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "exchange_id")
    private @Nullable Exchange exchange;

    private String title;
    private String fileName;
    private String mediaType;
    private long sizeBytes;
    private String sha256;

    /** The large object's id: written once, never changed, so not in the audit rows. */
    @NotAudited
    private long content;

    private boolean published;
    private Instant uploadedAt;

    @Version
    private long version;

    @SuppressWarnings("NullAway.Init") // for JPA
    protected Document() {
    }

    Document(@Nullable Agreement agreement, @Nullable Exchange exchange, String title, String fileName, String mediaType,
            long sizeBytes, String sha256, long content, boolean published, Instant uploadedAt) {
        this.agreement = agreement;
        this.exchange = exchange;
        this.title = title;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.content = content;
        this.published = published;
        this.uploadedAt = uploadedAt;
    }

    void describe(String newTitle, boolean nowPublished) {
        this.title = newTitle;
        this.published = nowPublished;
    }

    public Long getId() {
        return id;
    }

    public @Nullable Agreement getAgreement() {
        return agreement;
    }

    public @Nullable Exchange getExchange() {
        return exchange;
    }

    public String getTitle() {
        return title;
    }

    public String getFileName() {
        return fileName;
    }

    public String getMediaType() {
        return mediaType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    long getContent() {
        return content;
    }

    public boolean isPublished() {
        return published;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public long getVersion() {
        return version;
    }
}
