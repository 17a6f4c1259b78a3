package cn.gz.youcheng.security;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Length over composition (NIST SP 800-63B): 8 to 128 characters, counted as characters, not bytes, with no
 * rules about character classes; and not guessable, as zxcvbn estimates it from its dictionaries of common
 * passwords (with a supplement of those common in China), names, words and keyboard patterns, and from the
 * account's own name and this registry's names.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    /** zxcvbn's score of 3: about 10⁸ guesses or more, safe against guessing online. */
    static final int MIN_SCORE = 3;
    private static final List<String> REGISTRY_WORDS = List.of("youcheng", "guangzhou", "sistercity", "友城", "广州",
            "友好城市", "外办", "外事");

    /** A reason the password was refused: a translation key, and a more specific one of zxcvbn's, if any. */
    public record Problem(String key, Optional<String> detail) {

        static Problem of(String key) {
            return new Problem(key, Optional.empty());
        }
    }

    private final Zxcvbn zxcvbn;

    PasswordPolicy() {
        try {
            // zxcvbn's list of common passwords, with the ones common in China first: the same dictionary, so
            // that they are reported as common passwords, ranked as among the most common.
            List<Dictionary> dictionaries = new ArrayList<>();
            for (Dictionary dictionary : StandardDictionaries.loadAllDictionaries()) {
                if (dictionary.getName().equals(StandardDictionaries.PASSWORDS)) {
                    Set<String> passwords = new LinkedHashSet<>(chinesePasswords());
                    passwords.addAll(dictionary.getFrequencies());
                    dictionary = new Dictionary(StandardDictionaries.PASSWORDS, List.copyOf(passwords));
                }
                dictionaries.add(dictionary);
            }
            zxcvbn = new ZxcvbnBuilder().dictionaries(dictionaries).keyboards(StandardKeyboards.loadAllKeyboards())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Problem> problem(String password, String username) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Problem.of("password.too-short"));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Problem.of("password.too-long"));
        }
        List<String> ownWords = new ArrayList<>(REGISTRY_WORDS);
        if (username != null && !username.isBlank()) {
            ownWords.add(username);
        }
        Strength strength = zxcvbn.measure(password, ownWords);
        if (strength.getScore() >= MIN_SCORE) {
            return Optional.empty();
        }
        return Optional.of(new Problem("password.too-weak", detail(strength.getFeedback())));
    }

    /**
     * zxcvbn's own reason as a key of our translations ({@code password.feedback.…}): its feedback is read
     * through a bundle that answers every key with the key itself, so that the texts live with ours.
     */
    private static Optional<String> detail(Feedback feedback) {
        Feedback keys = feedback.withResourceBundle(KEYS);
        String warning = keys.getWarning();
        if (warning != null && !warning.isBlank()) {
            return Optional.of("password." + warning);
        }
        return keys.getSuggestions().stream().findFirst().map(suggestion -> "password." + suggestion);
    }

    private static final ResourceBundle KEYS = new ResourceBundle() {
        @Override
        protected Object handleGetObject(String key) {
            return key;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.emptyEnumeration();
        }
    };

    private static List<String> chinesePasswords() throws IOException {
        try (InputStream in = new ClassPathResource("passwords-zh.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }
}
