package cn.gz.youcheng.registry;

/** What kind of exchange: the office's own categories. */
public enum ExchangeKind {
    /** 来访: a delegation from the partner to Guangzhou. */
    INCOMING_DELEGATION,
    /** 出访: a delegation from Guangzhou to the partner. */
    OUTGOING_DELEGATION,
    EVENT,
    JOINT_PROJECT,
    /** An agreement's renewal or an anniversary's celebration. */
    RENEWAL_OR_ANNIVERSARY,
    GIFT,
    ONLINE_MEETING,
    OTHER
}
