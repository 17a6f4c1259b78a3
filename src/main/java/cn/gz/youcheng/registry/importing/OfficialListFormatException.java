package cn.gz.youcheng.registry.importing;

/** The text is not a well-formed official list; names the line and what is wrong with it. */
public class OfficialListFormatException extends RuntimeException {

    private final int line;

    public OfficialListFormatException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line number of the problem. */
    public int line() {
        return line;
    }
}
