package io.trainflow.connectors.catalogue;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What a catalogue entry must satisfy, checked once here for the REST API and the import alike. {@code at} prefixes
 * the field named in the error: "" for a REST body, {@code courses[3].} or {@code line 4: } for an import.
 */
public final class CatalogueRules {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private CatalogueRules() {}

    public static void check(CatalogueEdits.Course c, String at) {
        id(c.courseId(), at + "id");
        text(c.title(), 500, at + "title");
        money(c.cost(), at + "cost");
        currency(c.currency(), at + "currency");
        if (c.lmsShortname() != null) {
            text(c.lmsShortname(), 255, at + "shortname");
        }
    }

    public static void check(HcmName n, String at) {
        id(n.catalogueId(), at + "id");
        if (n.name() != null || n.aliases().isEmpty()) {
            text(n.name(), 500, at + "name");
        }
        for (int i = 0; i < n.aliases().size(); i++) {
            text(n.aliases().get(i), 500, at + "aliases[" + i + "]");
        }
    }

    public static void check(CatalogueEdits.Session s, String at) {
        id(s.sessionId(), at + "id");
        id(s.courseId(), at + "courseId");
        if (s.start() == null) {
            throw new InvalidCatalogue(at + "start", "is required (an ISO-8601 instant, e.g. 2026-03-02T09:00:00Z)");
        }
        if (s.end() == null || !s.end().isAfter(s.start())) {
            throw new InvalidCatalogue(at + "end", "must be after start");
        }
        if (s.seats() < 1) {
            throw new InvalidCatalogue(at + "seats", "must be at least 1");
        }
        if (s.seatsTakenElsewhere() < 0 || s.seatsTakenElsewhere() > s.seats()) {
            throw new InvalidCatalogue(at + "seatsTakenElsewhere", "must be between 0 and seats");
        }
    }

    public static void check(DepartmentBudget b, String at) {
        id(b.departmentId(), at + "departmentId");
        money(BigDecimal.valueOf(b.allocated()), at + "allocated");
        money(BigDecimal.valueOf(b.spent()), at + "spent");
        text(b.owner(), 200, at + "owner");
        currency(b.currency(), at + "currency");
    }

    public static void check(Role r, String at) {
        id(r.roleId(), at + "roleId");
        text(r.title(), 500, at + "title");
        for (String jobTitle : r.jobTitleIds()) {
            id(jobTitle, at + "jobTitleIds");
        }
        r.requiredSkills().forEach((skill, level) -> {
            id(skill, at + "requiredSkills");
            if (level == null || level < 1 || level > 5) {
                throw new InvalidCatalogue(at + "requiredSkills." + skill, "a level is 1 to 5");
            }
        });
    }

    public static void member(String group, String username, String at) {
        id(group, at + "group");
        text(username, 200, at + "username");
    }

    static void id(String value, String field) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new InvalidCatalogue(
                    field,
                    "must be 1 to 100 letters, digits, '.', '_', ':' or '-' (was "
                            + (value == null ? "missing" : "'" + value + "'") + ")");
        }
    }

    static void text(String value, int max, String field) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new InvalidCatalogue(field, "is required, at most " + max + " characters");
        }
    }

    private static void money(BigDecimal value, String field) {
        if (value == null
                || value.signum() < 0
                || value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw new InvalidCatalogue(field, "must be an amount of 0 or more with at most 2 decimals");
        }
    }

    private static void currency(String value, String field) {
        if (value == null || !CURRENCY.matcher(value).matches()) {
            throw new InvalidCatalogue(field, "must be an ISO 4217 code of three capital letters, e.g. EUR");
        }
    }
}
