package cn.gz.youcheng.audit;

import java.time.Instant;

/** One revision of an audited record: which, by whom, when, and whether it was added, modified or deleted. */
public record RevisionSummary(long revision, String username, Instant createdAt, Change change, String comment) {

    public enum Change { ADDED, MODIFIED, DELETED }
}
