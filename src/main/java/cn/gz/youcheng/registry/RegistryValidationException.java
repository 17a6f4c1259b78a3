package cn.gz.youcheng.registry;

import cn.gz.youcheng.base.Message;
import java.util.List;

/** A change the registry refuses; nothing was saved. Each problem names a field and what is wrong with it. */
public class RegistryValidationException extends RuntimeException {

    /** What is wrong with one field of a request (or with the request as a whole, as field "partner"). */
    public record Problem(String field, Message message) {

        public Problem(String field, String key, Object... arguments) {
            this(field, Message.of(key, arguments));
        }
    }

    private final List<Problem> problems;

    public RegistryValidationException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message().key()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
