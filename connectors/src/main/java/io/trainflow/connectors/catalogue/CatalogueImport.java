package io.trainflow.connectors.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.groups.JdbcGroups;
import io.trainflow.connectors.jdbc.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import tools.jackson.core.JacksonException;

/**
 * Imports a catalogue, all or nothing: the sample's {@code catalogue.json} format (roles, courses with their
 * sessions, budgets; plus an optional {@code groups} object of group to members), or a CSV of one kind
 * ({@link CatalogueCsv}). Entries are added or replaced by id; nothing is removed. Sessions given relative to
 * the import day ({@code startsInDays}, {@code durationDays}, as in the sample) run 09:00 to 17:00 UTC.
 */
public final class CatalogueImport {

    /** How many entries of each kind were added or replaced. */
    public record Result(int courses, int sessions, int roles, int budgets, int members, int names) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(
            String currency,
            List<Role> roles,
            List<CourseDoc> courses,
            List<BudgetDoc> budgets,
            Map<String, List<String>> groups,
            List<NameDoc> skills,
            List<NameDoc> jobTitles,
            List<NameDoc> departments,
            AliasesDoc aliases) {}

    /** A skill, job title ({@code title} in the sample's organisation.json) or department and its other names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record NameDoc(String id, String name, String title, List<String> aliases) {}

    /** The sample catalogue's {@code aliases}: catalogue id to the other names an HCM uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AliasesDoc(Map<String, List<String>> skills, Map<String, List<String>> jobTitles) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CourseDoc(
            String id,
            String title,
            String fullname,
            String shortname,
            BigDecimal cost,
            String currency,
            List<String> skillIds,
            List<String> tags,
            List<SessionDoc> sessions) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SessionDoc(
            String id,
            Instant start,
            Instant end,
            Integer startsInDays,
            Integer durationDays,
            int seats,
            Integer booked,
            Integer seatsTakenElsewhere,
            String trainer,
            String style) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BudgetDoc(String departmentId, BigDecimal allocated, BigDecimal spent, String owner, String currency) {}

    /** Everything read from one import, validated, before any of it is written. */
    record Entries(
            List<CatalogueEdits.Course> courses,
            List<CatalogueEdits.Session> sessions,
            List<Role> roles,
            List<DepartmentBudget> budgets,
            List<String[]> members,
            List<HcmName> names,
            IntFunction<String> sessionAt) {
        static Entries empty(IntFunction<String> sessionAt) {
            return new Entries(
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    sessionAt);
        }
    }

    private final CatalogueEdits edits;
    private final JdbcCatalogue catalogue;

    public CatalogueImport(CatalogueEdits edits, JdbcCatalogue catalogue) {
        this.edits = edits;
        this.catalogue = catalogue;
    }

    /** Imports the sample's JSON format; {@code today} anchors relative sessions. */
    public Result json(String json, LocalDate today) {
        Document doc;
        try {
            doc = Json.MAPPER.readValue(json, Document.class);
        } catch (JacksonException e) {
            throw new InvalidCatalogue(
                    e.getPathReference() == null ? "body" : e.getPathReference(),
                    "is not the catalogue's JSON format: " + e.getOriginalMessage());
        }
        return write(entries(doc, today));
    }

    /** Whether a JSON import names group members (which only admins may change). */
    public static boolean namesGroups(String json) {
        try {
            Map<?, ?> groups = Json.MAPPER.readValue(json, Document.class).groups();
            return groups != null && !groups.isEmpty();
        } catch (JacksonException e) {
            return false; // the import itself names what is wrong
        }
    }

    /**
     * Imports a CSV of {@code kind} courses, sessions, roles, budgets, members, skills, jobTitles or departments
     * (format: {@link CatalogueCsv}).
     */
    public Result csv(String kind, String csv) {
        return write(CatalogueCsv.entries(kind, csv));
    }

    static Entries entries(Document doc, LocalDate today) {
        List<String> sessionFields = new ArrayList<>();
        Entries e = Entries.empty(i -> sessionFields.get(i));
        String currency = doc.currency() == null ? "EUR" : doc.currency();
        List<CourseDoc> courses = doc.courses() == null ? List.of() : doc.courses();
        for (int i = 0; i < courses.size(); i++) {
            CourseDoc c = courses.get(i);
            String at = "courses[" + i + "].";
            CatalogueEdits.Course course = new CatalogueEdits.Course(
                    c.id(),
                    c.title() != null ? c.title() : c.fullname(),
                    c.cost(),
                    c.currency() != null ? c.currency() : currency,
                    c.skillIds(),
                    c.tags(),
                    c.shortname());
            CatalogueRules.check(course, at);
            e.courses().add(course);
            List<SessionDoc> sessions = c.sessions() == null ? List.of() : c.sessions();
            for (int j = 0; j < sessions.size(); j++) {
                CatalogueEdits.Session session = session(c.id(), sessions.get(j), today);
                CatalogueRules.check(session, at + "sessions[" + j + "].");
                e.sessions().add(session);
                sessionFields.add(at + "sessions[" + j + "].");
            }
        }
        List<Role> roles = doc.roles() == null ? List.of() : doc.roles();
        for (int i = 0; i < roles.size(); i++) {
            CatalogueRules.check(roles.get(i), "roles[" + i + "].");
            e.roles().add(roles.get(i));
        }
        List<BudgetDoc> budgets = doc.budgets() == null ? List.of() : doc.budgets();
        for (int i = 0; i < budgets.size(); i++) {
            BudgetDoc b = budgets.get(i);
            DepartmentBudget budget = new DepartmentBudget(
                    b.departmentId(),
                    amount(b.allocated()),
                    amount(b.spent()),
                    b.owner(),
                    b.currency() != null ? b.currency() : currency);
            CatalogueRules.check(budget, "budgets[" + i + "].");
            e.budgets().add(budget);
        }
        if (doc.groups() != null) {
            doc.groups()
                    .forEach((group, members) -> members.forEach(m -> {
                        CatalogueRules.member(group, m, "groups." + group + ".");
                        e.members().add(new String[] {group, m});
                    }));
        }
        names(
                e,
                HcmName.SKILL,
                "skills",
                doc.skills(),
                doc.aliases() == null ? null : doc.aliases().skills());
        names(
                e,
                HcmName.JOB_TITLE,
                "jobTitles",
                doc.jobTitles(),
                doc.aliases() == null ? null : doc.aliases().jobTitles());
        names(e, HcmName.DEPARTMENT, "departments", doc.departments(), null);
        return e;
    }

    /** The names of one kind, with the other names of {@code aliases} (by catalogue id) added to each. */
    private static void names(
            Entries e, String kind, String field, List<NameDoc> docs, Map<String, List<String>> aliases) {
        List<NameDoc> given = docs == null ? List.of() : docs;
        Map<String, Boolean> named = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            NameDoc d = given.get(i);
            List<String> others = new ArrayList<>(d.aliases() == null ? List.of() : d.aliases());
            if (aliases != null && aliases.get(d.id()) != null) {
                others.addAll(aliases.get(d.id()));
            }
            HcmName name = new HcmName(kind, d.id(), d.name() != null ? d.name() : d.title(), others);
            CatalogueRules.check(name, field + "[" + i + "].");
            e.names().add(name);
            named.put(d.id(), true);
        }
        if (aliases != null) {
            // other names for an id this import does not name: they replace that id's other names, its name stays
            aliases.forEach((id, others) -> {
                if (!named.containsKey(id)) {
                    HcmName name = new HcmName(kind, id, null, others);
                    CatalogueRules.check(name, "aliases." + field + "." + id + ".");
                    e.names().add(name);
                }
            });
        }
    }

    private static CatalogueEdits.Session session(String courseId, SessionDoc s, LocalDate today) {
        Instant start = s.start();
        Instant end = s.end();
        if (start == null && s.startsInDays() != null) {
            start = today.atStartOfDay()
                    .toInstant(ZoneOffset.UTC)
                    .plus(Duration.ofDays(s.startsInDays()))
                    .plus(Duration.ofHours(9));
            int days = s.durationDays() == null ? 1 : Math.max(1, s.durationDays());
            end = start.plus(Duration.ofDays(days - 1L)).plus(Duration.ofHours(8));
        }
        int elsewhere = s.seatsTakenElsewhere() != null ? s.seatsTakenElsewhere() : s.booked() != null ? s.booked() : 0;
        return new CatalogueEdits.Session(s.id(), courseId, start, end, s.seats(), elsewhere, s.trainer(), s.style());
    }

    static double amount(BigDecimal value) {
        return value == null ? -1 : value.doubleValue();
    }

    /** Writes the entries in one transaction; a session's course must be imported with it or exist already. */
    private Result write(Entries e) {
        Map<String, Boolean> known = new LinkedHashMap<>();
        e.courses().forEach(c -> known.put(c.courseId(), true));
        for (int i = 0; i < e.sessions().size(); i++) {
            String course = e.sessions().get(i).courseId();
            if (!known.computeIfAbsent(course, id -> catalogue.offering(id).isPresent())) {
                throw new InvalidCatalogue(
                        e.sessionAt().apply(i) + "courseId", "no course '" + course + "' in the catalogue");
            }
        }
        return edits.inOneTransaction(c -> {
            for (CatalogueEdits.Course course : e.courses()) {
                edits.putCourse(c, course);
            }
            for (CatalogueEdits.Session session : e.sessions()) {
                edits.putSession(c, session);
            }
            for (Role role : e.roles()) {
                edits.putRole(c, role);
            }
            for (DepartmentBudget budget : e.budgets()) {
                edits.putBudget(c, budget);
            }
            int members = 0;
            for (String[] m : e.members()) {
                members += JdbcGroups.add(c, m[0], m[1]) ? 1 : 0;
            }
            for (HcmName name : e.names()) {
                edits.putName(c, name);
            }
            return new Result(
                    e.courses().size(),
                    e.sessions().size(),
                    e.roles().size(),
                    e.budgets().size(),
                    members,
                    e.names().size());
        });
    }
}
