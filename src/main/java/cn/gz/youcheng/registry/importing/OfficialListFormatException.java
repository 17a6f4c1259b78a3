package cn.gz.youcheng.registry.importing;

import cn.gz.youcheng.base.Message;
import cn.gz.youcheng.base.Translations;

/** The text is not a well-formed official list; names the line and what is wrong with it. */
public class OfficialListFormatException extends RuntimeException {

    private final int line;
    private final Message problem;

    public OfficialListFormatException(int line, Message problem) {
        super("line " + line + ": " + Translations.english(problem));
        this.line = line;
        this.problem = problem;
    }

    /** The 1-based line number of the problem. */
    public int line() {
        return line;
    }

    /** What is wrong, to be said in the reader's language. */
    public Message problem() {
        return problem;
    }
}
