package cn.gz.youcheng.security;

import static org.awaitility.Awaitility.await;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.time.Duration;

/**
 * An authenticator app, for tests: computes RFC 6238 codes for a secret as a phone would. A code is accepted
 * once per time step, so a test signing in twice within 30 seconds asks for the code of a later step; the
 * application accepts one step ahead, for clocks that drift.
 */
public final class Authenticator {

    private final String secret;
    private long lastStep = Long.MIN_VALUE;

    public Authenticator(String secret) {
        this.secret = secret.replace(" ", "");
    }

    /** The code for now, or for the next step if this one's was given already (waiting if need be). */
    public String nextCode() {
        long now = currentStep();
        long step = Math.max(now, lastStep + 1);
        // The application takes a code at most one step ahead: wait until this one is that close.
        await().atMost(Duration.ofSeconds(2 * 30 + 5)).until(() -> step <= currentStep() + 1);
        lastStep = step;
        return codeFor(step);
    }

    /** A code that is valid at no time near now. */
    public String wrongCode() {
        long now = currentStep();
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", (candidate * 7919) % 1_000_000);
            if (!code.equals(codeFor(now - 1)) && !code.equals(codeFor(now)) && !code.equals(codeFor(now + 1))
                    && !code.equals(codeFor(now + 2))) {
                return code;
            }
        }
    }

    public String codeFor(long step) {
        try {
            return new DefaultCodeGenerator().generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long currentStep() {
        return System.currentTimeMillis() / 1000 / 30;
    }
}
