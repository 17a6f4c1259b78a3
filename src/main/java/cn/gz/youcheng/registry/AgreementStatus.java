package cn.gz.youcheng.registry;

public enum AgreementStatus {
    ACTIVE, SUSPENDED, TERMINATED,
    /** Replaced by a later agreement with the same partner (an upgrade). */
    SUPERSEDED
}
