package cn.gz.youcheng.registry;

public enum AgreementKind {
    /** 友好城市: a full sister-city agreement. */
    SISTER_CITY,
    /** 友好合作交流城市: a memorandum or letter of intent on friendly cooperation and exchange. */
    FRIENDLY_EXCHANGE
}
