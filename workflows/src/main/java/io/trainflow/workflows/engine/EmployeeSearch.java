package io.trainflow.workflows.engine;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the inbox finds an employee by name or id: both sides normalised the same way (accents removed, lower case,
 * anything but letters and digits a single space), and a search matches where any word of "name id" starts with it.
 * "elodie", "Élodie Mar" and "1042" find "Élodie Martin" (1042); "odie" does not. The words' starts are kept as rows
 * ({@link #tails}) so the database finds them through an index instead of reading every task of a person.
 */
public final class EmployeeSearch {

    /** Longest text kept per row (the column's size). */
    public static final int MAX = 700;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private EmployeeSearch() {}

    /** {@code text} as it is compared: without accents, lower case, words separated by one space. */
    public static String normalised(String text) {
        if (text == null) {
            return "";
        }
        String plain =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        // a few letters have no decomposition
        plain = plain.replace("ø", "o")
                .replace("Ø", "O")
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("Æ", "AE")
                .replace("ł", "l")
                .replace("Ł", "L")
                .replace("đ", "d")
                .replace("Đ", "D");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The normalised "name id" from each word to its end: the rows a task is found by. */
    public static List<String> tails(String name, String id) {
        String all = normalised((name == null ? "" : name) + " " + (id == null ? "" : id));
        List<String> tails = new ArrayList<>();
        if (all.isEmpty()) {
            return tails;
        }
        for (int i = 0; i < all.length(); i++) {
            if (i == 0 || all.charAt(i - 1) == ' ') {
                String tail = all.substring(i);
                tails.add(tail.length() > MAX ? tail.substring(0, MAX) : tail);
            }
        }
        return tails.stream().distinct().toList();
    }

    /** The {@code LIKE} pattern (escape character {@code \}) of a search, or null when nothing is left to search for. */
    public static String pattern(String search) {
        String plain = normalised(search);
        if (plain.isEmpty()) {
            return null;
        }
        return plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
