package cn.gz.youcheng.registry;

import java.util.Set;

/** Where an agreement stands, and which changes an officer may make from each standing. */
public enum AgreementStatus {
    ACTIVE, SUSPENDED, TERMINATED,
    /** Replaced by a later agreement with the same partner (an upgrade): only an upgrade leads here. */
    SUPERSEDED;

    /**
     * The statuses an officer may change this one to: an active agreement is suspended or terminated, a
     * suspended one terminated or reinstated, a terminated one reinstated. A superseded agreement stays as
     * it is; its successor carries the partnership.
     */
    public Set<AgreementStatus> changesAllowed() {
        return switch (this) {
            case ACTIVE -> Set.of(SUSPENDED, TERMINATED);
            case SUSPENDED -> Set.of(TERMINATED, ACTIVE);
            case TERMINATED -> Set.of(ACTIVE);
            case SUPERSEDED -> Set.of();
        };
    }

    public boolean canChangeTo(AgreementStatus next) {
        return changesAllowed().contains(next);
    }
}
