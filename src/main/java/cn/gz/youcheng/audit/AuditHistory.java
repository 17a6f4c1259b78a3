package cn.gz.youcheng.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail that Envers writes at each commit. */
@Service
@Transactional(readOnly = true)
public class AuditHistory {

    @PersistenceContext
    private EntityManager entityManager;

    /** The revisions of one audited record, oldest first. */
    public List<RevisionSummary> revisionsOf(Class<?> auditedType, Object id) {
        List<?> rows = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(auditedType, false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        return rows.stream().map(row -> {
            Object[] columns = (Object[]) row;
            Revision revision = (Revision) columns[1];
            return new RevisionSummary(revision.getId(), revision.getUsername(), revision.getCreatedAt(),
                    change((RevisionType) columns[2]), revision.getComment());
        }).toList();
    }

    private static RevisionSummary.Change change(RevisionType type) {
        return switch (type) {
            case ADD -> RevisionSummary.Change.ADDED;
            case MOD -> RevisionSummary.Change.MODIFIED;
            case DEL -> RevisionSummary.Change.DELETED;
        };
    }
}
