package cn.gz.youcheng.registry;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A document as officers see it in the partner editor. */
public record DocumentEditing(long id, long version, @Nullable Long agreementId, @Nullable Long exchangeId, String title,
        String fileName, String mediaType, long sizeBytes, boolean published, Instant uploadedAt) {

    static DocumentEditing of(Document document) {
        return new DocumentEditing(document.getId(), document.getVersion(),
                document.getAgreement() == null ? null : document.getAgreement().getId(),
                document.getExchange() == null ? null : document.getExchange().getId(), document.getTitle(),
                document.getFileName(), document.getMediaType(), document.getSizeBytes(), document.isPublished(),
                document.getUploadedAt());
    }
}
