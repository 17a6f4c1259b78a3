package cn.gz.youcheng.security;

public enum Role {
    /** Everything, including the officers' accounts. */
    ADMIN,
    /** The registry's data only. */
    EDITOR;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String EDITOR_NAME = "EDITOR";
}
