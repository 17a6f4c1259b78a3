package cn.gz.youcheng.base;

import org.jspecify.annotations.Nullable;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * A free-text value that keeps the text rule ({@link Text}) once cleaned, within {@link #max} characters;
 * {@link #required} if it may not be empty. A violation's message is the translation key of what is wrong
 * ({@code validation.required}, {@code validation.too-long} with {@code max} as its argument,
 * {@code validation.line-break}, {@code validation.control-characters}), never a sentence.
 */
@Documented
@Constraint(validatedBy = TextRule.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface TextRule {

    int max();

    Text.Shape shape() default Text.Shape.LINE;

    boolean required() default false;

    String message() default "validation.text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link Text#clean} and {@link Text#problem}, as the services do before they save. */
    final class Check implements ConstraintValidator<TextRule, String> {

        @SuppressWarnings("NullAway.Init") // set by initialize, before any isValid
        private TextRule rule;

        @Override
        public void initialize(TextRule rule) {
            this.rule = rule;
        }

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            String cleaned = Text.stored(value);
            Optional<String> problem = cleaned == null
                    ? (rule.required() ? Optional.of("validation.required") : Optional.empty())
                    : Text.problem(cleaned, rule.shape(), rule.max());
            problem.ifPresent(key -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(key).addConstraintViolation();
            });
            return problem.isEmpty();
        }
    }
}
