package io.trainflow.connectors.ai.privacy;

import io.trainflow.connectors.hcm.Employee;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces personal values by stable pseudonyms before text leaves the process, and restores them in
 * the answer. Known people (from the HCM) are matched by full name, first name, last name, username,
 * email and employee number; unknown emails, phone numbers and configured identifier patterns are caught
 * by pattern. A pseudonym is {@code KIND_CODE}, CODE an HMAC of the person's key under a secret, so the
 * same person always gets the same code (the model can tell "FIRSTNAME_X" and "LASTNAME_X" belong
 * together) but nobody without the secret can link a code to an employee number by trying them all.
 */
public final class Pseudonymiser {

    /** The personal values of one person that may appear in text. */
    public record Person(
            String key, String firstName, String lastName, String username, String email, String employeeId) {
        public static Person of(Employee e) {
            return new Person(e.employeeId(), e.firstName(), e.lastName(), e.username(), e.email(), e.employeeId());
        }
    }

    /** A pattern of identifiers of people not in the directory, and the kind its pseudonyms get. */
    public record Detector(String kind, Pattern pattern) {}

    /** Employee numbers written as "emp 1234" / "employee #1234", and phone numbers. */
    public static final List<Detector> DEFAULT_DETECTORS = List.of(
            new Detector("ID", Pattern.compile("(?i)\\b(?:emp|employee)(?: ?(?:no|number|id))?[ #:.-]*\\d{3,}\\b")),
            new Detector("PHONE", Pattern.compile("\\+?\\d[\\d ()./-]{7,}\\d")));

    static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    static final Pattern TOKEN =
            Pattern.compile("\\b(?:PERSON|FIRSTNAME|LASTNAME|USER|EMAIL|EMPNO|PHONE|ID)_[A-Z2-7]{8}\\b");

    private final byte[] secret;
    private final Map<String, String> tokenByValue = new LinkedHashMap<>(); // lower-cased value -> token
    private final Map<String, String> valueByToken = new LinkedHashMap<>();
    private final Pattern known;
    private final List<Detector> detectors;

    private Pseudonymiser(byte[] secret, List<Person> people, List<Detector> detectors) {
        this.secret = secret.clone();
        this.detectors = List.copyOf(detectors);
        for (Person p : people) {
            String code = code(p.key());
            register("PERSON_" + code, (nz(p.firstName()) + " " + nz(p.lastName())).strip());
            register("EMAIL_" + code, p.email());
            register("USER_" + code, p.username());
            register("EMPNO_" + code, p.employeeId());
            register("FIRSTNAME_" + code, p.firstName());
            register("LASTNAME_" + code, p.lastName());
        }
        List<String> values = new ArrayList<>(tokenByValue.keySet());
        values.sort(Comparator.comparingInt(String::length).reversed()); // "Alice Martin" before "Alice"
        String alternation = values.stream()
                .map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b)
                .orElse("(?!)");
        this.known = Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** @param secret install-wide key of the pseudonym codes (keep it with the other secrets, never in a prompt) */
    public static Pseudonymiser of(byte[] secret, List<Person> people, List<Detector> detectors) {
        return new Pseudonymiser(secret, people, detectors);
    }

    public static Pseudonymiser of(byte[] secret, List<Person> people) {
        return of(secret, people, DEFAULT_DETECTORS);
    }

    private void register(String token, String value) {
        if (value == null || value.strip().length() < 2) {
            return;
        }
        String v = value.strip();
        tokenByValue.putIfAbsent(v.toLowerCase(Locale.ROOT), token);
        valueByToken.putIfAbsent(token, v);
    }

    /** Replaces every personal value in {@code text}; records what it replaced in {@code session}. */
    public String mask(String text, Session session) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // emails first: a known username inside an unknown address must not leave half of it behind
        String out = replacePattern(EMAIL, "EMAIL", text, session);
        out = known.matcher(out).replaceAll(m -> {
            String token = tokenByValue.get(m.group().toLowerCase(Locale.ROOT));
            session.remember(token, valueByToken.get(token));
            return token;
        });
        for (Detector d : detectors) {
            out = replacePattern(d.pattern(), d.kind(), out, session);
        }
        return out;
    }

    /** A whole field that is an identifier (a name, an id): always a pseudonym, known person or not. */
    public String maskIdentifier(String kind, String value, Session session) {
        if (value == null || value.isBlank()) {
            return value;
        }
        String token = tokenByValue.get(value.strip().toLowerCase(Locale.ROOT));
        if (token == null) {
            token = kind + "_" + code(kind + ":" + value.strip().toLowerCase(Locale.ROOT));
        }
        session.remember(token, value.strip());
        return token;
    }

    private String replacePattern(Pattern pattern, String kind, String text, Session session) {
        return pattern.matcher(text).replaceAll(m -> {
            if (TOKEN.matcher(m.group()).matches()) {
                return m.group();
            }
            String token = tokenByValue.get(m.group().toLowerCase(Locale.ROOT));
            if (token == null) {
                token = kind + "_" + code(kind + ":" + m.group().toLowerCase(Locale.ROOT));
            }
            session.remember(token, valueByToken.getOrDefault(token, m.group()));
            return token;
        });
    }

    /** Puts the original values back where the answer uses a pseudonym of this session. */
    public String restore(String text, Session session) {
        if (text == null) {
            return null;
        }
        return TOKEN.matcher(text)
                .replaceAll(m ->
                        java.util.regex.Matcher.quoteReplacement(session.originals.getOrDefault(m.group(), m.group())));
    }

    private String code(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                code.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt((digest[i] & 0xff) % 32));
            }
            return code.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE has HmacSHA256", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The pseudonyms one external call used, so its answer can be restored. Not shared between calls. */
    public static final class Session {
        private final Map<String, String> originals = new LinkedHashMap<>();

        void remember(String token, String original) {
            originals.putIfAbsent(token, original);
        }

        public int size() {
            return originals.size();
        }
    }
}
