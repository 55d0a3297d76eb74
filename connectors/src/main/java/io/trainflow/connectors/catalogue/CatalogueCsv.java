package io.trainflow.connectors.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CSV import: one kind per file, a header row naming the columns (any order, extra columns refused),
 * comma-separated, fields with commas or quotes in double quotes ("" inside), lists separated by {@code |}.
 * <ul>
 *   <li>{@code courses}: id, title, cost, currency, skills, tags, shortname (the LMS's; the id when empty)</li>
 *   <li>{@code sessions}: id, courseId, start, end, seats, seatsTakenElsewhere, trainer, style (ISO-8601 instants)</li>
 *   <li>{@code roles}: roleId, title, jobTitles, requiredSkills ({@code skill:level}, e.g. {@code java:3|sql:2})</li>
 *   <li>{@code budgets}: departmentId, allocated, spent, owner, currency</li>
 *   <li>{@code members}: group, username</li>
 *   <li>{@code skills}, {@code jobTitles}, {@code departments}: id, name, aliases (other names an HCM uses)</li>
 * </ul>
 * Errors name the line and the column, e.g. {@code line 4: cost}.
 */
public final class CatalogueCsv {

    static final Map<String, List<String>> COLUMNS = Map.of(
            "courses", List.of("id", "title", "cost", "currency", "skills", "tags", "shortname"),
            "sessions", List.of("id", "courseId", "start", "end", "seats", "seatsTakenElsewhere", "trainer", "style"),
            "roles", List.of("roleId", "title", "jobTitles", "requiredSkills"),
            "budgets", List.of("departmentId", "allocated", "spent", "owner", "currency"),
            "members", List.of("group", "username"),
            "skills", List.of("id", "name", "aliases"),
            "jobTitles", List.of("id", "name", "aliases"),
            "departments", List.of("id", "name", "aliases"));
    private static final Set<String> OPTIONAL =
            Set.of("skills", "tags", "seatsTakenElsewhere", "trainer", "style", "jobTitles", "shortname", "aliases");
    private static final Map<String, String> NAME_KINDS =
            Map.of("skills", HcmName.SKILL, "jobTitles", HcmName.JOB_TITLE, "departments", HcmName.DEPARTMENT);

    private CatalogueCsv() {}

    static CatalogueImport.Entries entries(String kind, String csv) {
        List<String> columns = COLUMNS.get(kind);
        if (columns == null) {
            throw new InvalidCatalogue(
                    "kind",
                    "must be one of " + String.join(", ", new java.util.TreeSet<>(COLUMNS.keySet())) + " (was '" + kind
                            + "')");
        }
        List<List<String>> rows = parse(csv);
        if (rows.isEmpty()) {
            throw new InvalidCatalogue("line 1", "a header row is required: " + String.join(",", columns));
        }
        Map<String, Integer> index = header(rows.get(0), columns);
        CatalogueImport.Entries e = CatalogueImport.Entries.empty(i -> "line " + (i + 2) + ": ");
        for (int n = 1; n < rows.size(); n++) {
            Line line = new Line(rows.get(n), index, "line " + (n + 1) + ": ");
            switch (kind) {
                case "courses" -> {
                    CatalogueEdits.Course c = new CatalogueEdits.Course(
                            line.text("id"),
                            line.text("title"),
                            line.amount("cost"),
                            line.text("currency"),
                            line.list("skills"),
                            line.list("tags"),
                            line.text("shortname"));
                    CatalogueRules.check(c, line.at);
                    e.courses().add(c);
                }
                case "sessions" -> {
                    CatalogueEdits.Session s = new CatalogueEdits.Session(
                            line.text("id"),
                            line.text("courseId"),
                            line.instant("start"),
                            line.instant("end"),
                            line.number("seats"),
                            line.has("seatsTakenElsewhere") ? line.number("seatsTakenElsewhere") : 0,
                            line.text("trainer"),
                            line.text("style"));
                    CatalogueRules.check(s, line.at);
                    e.sessions().add(s);
                }
                case "roles" -> {
                    Role r = new Role(
                            line.text("roleId"),
                            line.text("title"),
                            line.list("jobTitles"),
                            line.levels("requiredSkills"));
                    CatalogueRules.check(r, line.at);
                    e.roles().add(r);
                }
                case "budgets" -> {
                    DepartmentBudget b = new DepartmentBudget(
                            line.text("departmentId"),
                            CatalogueImport.amount(line.amount("allocated")),
                            CatalogueImport.amount(line.amount("spent")),
                            line.text("owner"),
                            line.text("currency"));
                    CatalogueRules.check(b, line.at);
                    e.budgets().add(b);
                }
                case "skills", "jobTitles", "departments" -> {
                    HcmName name =
                            new HcmName(NAME_KINDS.get(kind), line.text("id"), line.text("name"), line.list("aliases"));
                    CatalogueRules.check(name, line.at);
                    e.names().add(name);
                }
                default -> {
                    CatalogueRules.member(line.text("group"), line.text("username"), line.at);
                    e.members().add(new String[] {line.text("group"), line.text("username")});
                }
            }
        }
        return e;
    }

    private static Map<String, Integer> header(List<String> names, List<String> columns) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (!columns.contains(name)) {
                throw new InvalidCatalogue(
                        "line 1", "unknown column '" + name + "'; the columns are " + String.join(",", columns));
            }
            index.put(name, i);
        }
        for (String column : columns) {
            if (!index.containsKey(column) && !OPTIONAL.contains(column)) {
                throw new InvalidCatalogue("line 1", "column '" + column + "' is missing");
            }
        }
        return index;
    }

    /** One data row, read by column name. */
    private record Line(List<String> cells, Map<String, Integer> index, String at) {

        boolean has(String column) {
            String value = text(column);
            return value != null;
        }

        String text(String column) {
            Integer i = index.get(column);
            if (i == null || i >= cells.size() || cells.get(i).isBlank()) {
                return null;
            }
            return cells.get(i).strip();
        }

        List<String> list(String column) {
            String value = text(column);
            return value == null
                    ? List.of()
                    : Arrays.stream(value.split("\\|"))
                            .map(String::strip)
                            .filter(v -> !v.isEmpty())
                            .toList();
        }

        /** {@code skill:level|skill:level}. */
        Map<String, Integer> levels(String column) {
            Map<String, Integer> levels = new java.util.LinkedHashMap<>();
            for (String pair : list(column)) {
                String[] parts = pair.split(":");
                try {
                    if (parts.length != 2) {
                        throw new NumberFormatException();
                    }
                    levels.put(parts[0].strip(), Integer.parseInt(parts[1].strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidCatalogue(at + column, "'" + pair + "' is not skill:level (e.g. java:3)");
                }
            }
            return levels;
        }

        BigDecimal amount(String column) {
            String value = text(column);
            try {
                return value == null ? null : new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new InvalidCatalogue(at + column, "'" + value + "' is not an amount (e.g. 1250.00)");
            }
        }

        int number(String column) {
            String value = text(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new InvalidCatalogue(at + column, "'" + value + "' is not a whole number");
            }
        }

        Instant instant(String column) {
            String value = text(column);
            try {
                return value == null ? null : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidCatalogue(
                        at + column, "'" + value + "' is not an ISO-8601 instant (e.g. 2026-03-02T09:00:00Z)");
            }
        }
    }

    /** RFC 4180 rows; blank lines are skipped. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    row.add(cell.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(ch);
                any = true;
            }
        }
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
