package cn.gz.youcheng.registry;

import cn.gz.youcheng.base.Text;
import cn.gz.youcheng.base.TextRule;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an officer asks the registry to do, and the rules each request must keep on its own: the one
 * definition of what a field may hold (Bean Validation, checked by {@link RegistryService} before anything
 * else, and shown by the forms next to their fields). Rules that need the registry's data (a duplicate
 * name, a date before the agreement's last change, which status changes are allowed) are the service's.
 * Each violation's message is a translation key.
 */
public final class RegistryCommands {

    /** Most characters of each text, as the schema has them. */
    public static final int NAME_ZH = 100;
    public static final int NAME_EN = 200;
    public static final int PLACE = 200;
    public static final int SOURCE = 500;
    public static final int REASON = 500;
    public static final int NOTE = 2000;
    public static final int TITLE = 300;
    public static final int SUMMARY = 4000;
    public static final int UNIT = 200;
    public static final int MOST_PARTICIPANTS = 1_000_000;

    private RegistryCommands() {
    }

    /**
     * A new partner and its first agreement. {@code continent} is needed only when the country is new to the
     * registry. Place signed and source are published; the internal note never is.
     */
    @CoordinatesTogether
    public record AddPartner(
            @TextRule(max = NAME_ZH, required = true) @Nullable String nameZh,
            @TextRule(max = NAME_EN, required = true) @Nullable String nameEn,
            @Nullable String countryIso2,
            @Nullable Continent continent,
            @NotNull(message = "validation.required") @Nullable AdminLevel adminLevel,
            @Latitude @Nullable Double latitude,
            @Longitude @Nullable Double longitude,
            @NotNull(message = "validation.required") @Nullable AgreementKind kind,
            @Day @Nullable LocalDate signedOn,
            @TextRule(max = PLACE) @Nullable String placeSigned,
            @TextRule(max = SOURCE) @Nullable String source,
            @TextRule(max = NOTE, shape = Text.Shape.PARAGRAPHS) @Nullable String internalNote) implements Located {
    }

    @CoordinatesTogether
    public record EditPartner(
            long partnerId,
            long version,
            @TextRule(max = NAME_ZH, required = true) @Nullable String nameZh,
            @TextRule(max = NAME_EN, required = true) @Nullable String nameEn,
            @NotNull(message = "validation.required") @Nullable AdminLevel adminLevel,
            @Latitude @Nullable Double latitude,
            @Longitude @Nullable Double longitude,
            @Pattern(regexp = "\\s*([1-9][0-9]{0,17})?\\s*", message = "validation.geonames-id") @Nullable String geonamesId,
            @Pattern(regexp = "\\s*(" + Partner.WIKIDATA_ITEM + ")?\\s*", message = "validation.wikidata-qid") @Nullable String wikidataQid)
            implements Located {
    }

    public record EditAgreement(
            long agreementId,
            long version,
            @Day @Nullable LocalDate signedOn,
            @TextRule(max = PLACE) @Nullable String placeSigned,
            @TextRule(max = SOURCE) @Nullable String source,
            @TextRule(max = NOTE, shape = Text.Shape.PARAGRAPHS) @Nullable String internalNote) {
    }

    /** A sister-city agreement replacing the partner's active exchange memorandum. */
    public record Upgrade(
            long partnerId,
            long version,
            @Day @Nullable LocalDate signedOn,
            @TextRule(max = PLACE) @Nullable String placeSigned,
            @TextRule(max = SOURCE) @Nullable String source) {
    }

    /**
     * Suspend, terminate or reinstate an agreement from a date, for a reason (published) and with an internal
     * note (never published), if any.
     */
    public record ChangeStatus(
            long agreementId,
            long version,
            @NotNull(message = "validation.status-change-not-allowed") @Nullable AgreementStatus status,
            @Day @Nullable LocalDate effectiveOn,
            @TextRule(max = REASON, shape = Text.Shape.PARAGRAPHS, required = true) @Nullable String reason,
            @TextRule(max = NOTE, shape = Text.Shape.PARAGRAPHS) @Nullable String internalNote) {

        public ChangeStatus(long agreementId, long version, @Nullable AgreementStatus status,
                @Nullable LocalDate effectiveOn, @Nullable String reason) {
            this(agreementId, version, status, effectiveOn, reason, null);
        }
    }

    /**
     * An exchange, new ({@code exchangeId} null) or as edited: its day or days, kind, themes, title and summary
     * in either language or both (a title in at least one: the service says so), the units that led it on
     * either side, how many took part, where it is published, and whether the public may see it.
     */
    public record SaveExchange(
            @Nullable Long exchangeId,
            long version,
            long partnerId,
            @Nullable Long agreementId,
            @NotNull(message = "validation.required") @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            @NotNull(message = "validation.required") @Nullable ExchangeKind kind,
            @NotEmpty(message = "validation.required") Set<ExchangeTheme> themes,
            @TextRule(max = TITLE) @Nullable String titleZh,
            @TextRule(max = TITLE) @Nullable String titleEn,
            @TextRule(max = SUMMARY, shape = Text.Shape.PARAGRAPHS) @Nullable String summaryZh,
            @TextRule(max = SUMMARY, shape = Text.Shape.PARAGRAPHS) @Nullable String summaryEn,
            @TextRule(max = UNIT) @Nullable String guangzhouUnit,
            @TextRule(max = UNIT) @Nullable String partnerUnit,
            @PositiveOrZero(message = "validation.participants") @Max(value = MOST_PARTICIPANTS,
                    message = "validation.participants") @Nullable Integer participants,
            @TextRule(max = SOURCE) @Pattern(regexp = "\\s*(https?://\\S+)?\\s*", message = "validation.source-url")
            @Nullable String sourceUrl,
            boolean published) {
    }

    /** A file to attach to an agreement or to an exchange (one of the two), with its title. */
    public record AttachDocument(
            @Nullable Long agreementId,
            @Nullable Long exchangeId,
            @TextRule(max = TITLE, required = true) @Nullable String title,
            boolean published) {
    }

    /** A latitude in degrees, -90 to 90. */
    @DecimalMin(value = "-90", message = "validation.latitude-range")
    @DecimalMax(value = "90", message = "validation.latitude-range")
    @ReportAsSingleViolation
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Latitude {

        String message() default "validation.latitude-range";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A longitude in degrees, -180 to 180. */
    @DecimalMin(value = "-180", message = "validation.longitude-range")
    @DecimalMax(value = "180", message = "validation.longitude-range")
    @ReportAsSingleViolation
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Longitude {

        String message() default "validation.longitude-range";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /**
     * The day something was signed or took effect: given, and not after today in Guangzhou (the validator's
     * clock is the application's). Each part says what is wrong with its own message.
     */
    @NotNull(message = "validation.required")
    @PastOrPresent(message = "validation.date-in-future")
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Day {

        String message() default "validation.day";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A request that places a partner on the map: latitude and longitude. */
    interface Located {
        @Nullable Double latitude();

        @Nullable Double longitude();
    }

    /** Latitude and longitude are given together or left out together. */
    @Constraint(validatedBy = CoordinatesTogether.Check.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface CoordinatesTogether {

        String message() default "validation.coordinates-together";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Check implements ConstraintValidator<CoordinatesTogether, Located> {
            @Override
            public boolean isValid(Located located, ConstraintValidatorContext context) {
                if ((located.latitude() == null) == (located.longitude() == null)) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode(located.latitude() == null ? "latitude" : "longitude")
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
