package cn.gz.youcheng.registry;

import cn.gz.youcheng.registry.RegistryValidationException.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rules a request keeps on its own ({@link RegistryCommands}), as problems: the field each concerns and
 * its message, with the limit as the argument where a limit was passed.
 */
@Component
public class CommandRules {

    private final Validator validator;

    CommandRules(Validator validator) {
        this.validator = validator;
    }

    public List<Problem> problems(Object command) {
        return validator.validate(command).stream()
                .map(CommandRules::problem)
                .sorted(Comparator.comparing(Problem::field).thenComparing(problem -> problem.message().key()))
                .toList();
    }

    private static Problem problem(ConstraintViolation<?> violation) {
        String field = "";
        for (Path.Node node : violation.getPropertyPath()) {
            field = node.getName() == null ? field : node.getName();
        }
        // "Too long" says the limit (the text rule's max); no other message takes an argument.
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        return max instanceof Integer limit && violation.getMessage().equals("validation.too-long")
                ? new Problem(field, violation.getMessage(), limit)
                : new Problem(field, violation.getMessage());
    }
}
