package cn.gz.youcheng.security;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, six digits, 30 seconds, as every authenticator app reads
 * them) and recovery codes, from the {@code dev.samstevens.totp} library. A code is accepted for the current
 * time step or one either side (clocks drift), and only for a step later than the last one accepted, so that
 * a code seen over someone's shoulder cannot be used again.
 */
@Component
public class SecondFactor {

    static final String ISSUER = "Youcheng";
    static final int PERIOD_SECONDS = 30;
    static final int RECOVERY_CODES = 10;
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private static final Pattern RECOVERY_CODE = Pattern.compile("[a-z0-9]{4}(-[a-z0-9]{4}){3}");

    /** What an officer sees to set up an authenticator: the secret as text and as a QR code. */
    public record Enrolment(String secret, String otpauthUri, String qrCodeDataUri) {

        /** The secret in groups of four, easier to type. */
        public String groupedSecret() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    private final CodeGenerator codes = new DefaultCodeGenerator();
    private final Clock clock;

    SecondFactor(Clock clock) {
        this.clock = clock;
    }

    Enrolment newEnrolment(String username) {
        String secret = new DefaultSecretGenerator(32).generate();
        QrData data = new QrData.Builder().label(username).secret(secret).issuer(ISSUER).digits(6)
                .period(PERIOD_SECONDS).build();
        try {
            ZxingPngQrGenerator qr = new ZxingPngQrGenerator();
            qr.setImageSize(240);
            return new Enrolment(secret, data.getUri(), Utils.getDataUriForImage(qr.generate(data), qr.getImageMimeType()));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("could not draw the QR code", e);
        }
    }

    /** The time step a code was made for, if it is valid now and later than {@code lastStep}. */
    OptionalLong acceptedStep(String secret, String code, @Nullable Long lastStep) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!CODE.matcher(digits).matches()) {
            return OptionalLong.empty();
        }
        long now = currentStep();
        for (long step = now - 1; step <= now + 1; step++) {
            if ((lastStep == null || step > lastStep) && same(generate(secret, step), digits)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    long currentStep() {
        return Math.floorDiv(clock.millis() / 1000, PERIOD_SECONDS);
    }

    List<String> newRecoveryCodes() {
        return List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
    }

    static boolean looksLikeRecoveryCode(String code) {
        return code != null && RECOVERY_CODE.matcher(normalisedRecoveryCode(code)).matches();
    }

    static String normalisedRecoveryCode(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }

    private String generate(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("could not compute a code", e);
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
