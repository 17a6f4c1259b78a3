package cn.gz.youcheng.registry;

import java.util.List;

/** A change the registry refuses; nothing was saved. Each problem names a field and a translation key. */
public class RegistryValidationException extends RuntimeException {

    public record Problem(String field, String messageKey, Object... arguments) {
    }

    private final List<Problem> problems;

    public RegistryValidationException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.messageKey()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
