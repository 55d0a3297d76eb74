package io.trainflow.plugin.catalogue;

import io.trainflow.connectors.catalogue.CatalogueEdits;
import io.trainflow.connectors.catalogue.CatalogueImport;
import io.trainflow.connectors.catalogue.CatalogueRules;
import io.trainflow.connectors.catalogue.DepartmentBudget;
import io.trainflow.connectors.catalogue.InvalidCatalogue;
import io.trainflow.connectors.catalogue.JdbcCatalogue;
import io.trainflow.connectors.catalogue.Role;
import io.trainflow.connectors.catalogue.TrainingSession;
import io.trainflow.connectors.groups.JdbcGroups;
import io.trainflow.plugin.access.Access;
import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.api.CatalogueApi;
import io.trainflow.plugin.api.model.Budget;
import io.trainflow.plugin.api.model.BudgetChange;
import io.trainflow.plugin.api.model.Course;
import io.trainflow.plugin.api.model.CourseChange;
import io.trainflow.plugin.api.model.Group;
import io.trainflow.plugin.api.model.HcmName;
import io.trainflow.plugin.api.model.ImportResult;
import io.trainflow.plugin.api.model.RoleChange;
import io.trainflow.plugin.api.model.Session;
import io.trainflow.plugin.api.model.SessionChange;
import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.engine.flowable.EngineClock;
import io.trainflow.workflows.problems.TrainflowProblem.InvalidInput;
import io.trainflow.workflows.problems.TrainflowProblem.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * L&amp;D and admins keep the catalogue (courses, sessions, role requirements, budgets) and admins keep Trainflow's groups, over REST
 * or by import; every change is checked ({@link CatalogueRules}, naming the JSON field), written in one transaction,
 * audited (tf_access_audit), and read by the very next request: no rebuild, no restart.
 */
@RestController
public class CatalogueController implements CatalogueApi {

    private final JdbcCatalogue catalogue;
    private final CatalogueEdits edits;
    private final CatalogueImport importer;
    private final JdbcGroups groups;
    private final Access access;
    private final AccessAudit audit;
    private final EngineClock clock;
    private final HttpServletRequest request;

    public CatalogueController(
            JdbcCatalogue catalogue,
            CatalogueEdits edits,
            CatalogueImport importer,
            JdbcGroups groups,
            Access access,
            AccessAudit audit,
            EngineClock clock,
            HttpServletRequest request) {
        this.catalogue = catalogue;
        this.edits = edits;
        this.importer = importer;
        this.groups = groups;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.request = request;
    }

    @Override
    public ResponseEntity<List<Course>> listCourses() {
        editor("read the catalogue");
        return ResponseEntity.ok(
                edits.courses().stream().map(CatalogueController::course).toList());
    }

    @Override
    public ResponseEntity<Course> putCourse(String courseId, CourseChange body) {
        String user = editor("change the catalogue");
        CatalogueEdits.Course course = new CatalogueEdits.Course(
                courseId,
                body.getTitle(),
                body.getCost(),
                body.getCurrency(),
                body.getSkillIds(),
                body.getTags(),
                body.getLmsShortname());
        checked(() -> CatalogueRules.check(course, ""));
        boolean added = edits.putCourse(course);
        return ResponseEntity.status(changed(added, user, "course", courseId)).body(course(course));
    }

    @Override
    public ResponseEntity<Void> deleteCourse(String courseId) {
        String user = editor("change the catalogue");
        return removed(edits.deleteCourse(courseId), user, "course", courseId);
    }

    @Override
    public ResponseEntity<List<Session>> listSessions(String courseId) {
        editor("read the catalogue");
        if (catalogue.offering(courseId).isEmpty()) {
            throw new NotFound("No course '" + courseId + "' in the catalogue");
        }
        return ResponseEntity.ok(edits.sessions(courseId).stream()
                .map(CatalogueController::session)
                .toList());
    }

    @Override
    public ResponseEntity<Void> putSession(String sessionId, SessionChange body) {
        String user = editor("change the catalogue");
        CatalogueEdits.Session session = new CatalogueEdits.Session(
                sessionId,
                body.getCourseId(),
                body.getStart().toInstant(),
                body.getEnd().toInstant(),
                body.getSeats(),
                body.getSeatsTakenElsewhere() == null ? 0 : body.getSeatsTakenElsewhere(),
                body.getTrainer(),
                body.getStyle());
        checked(() -> CatalogueRules.check(session, ""));
        if (catalogue.offering(body.getCourseId()).isEmpty()) {
            throw new InvalidInput("courseId", "no course '" + body.getCourseId() + "' in the catalogue");
        }
        boolean added = edits.putSession(session);
        return ResponseEntity.status(changed(added, user, "session", sessionId)).build();
    }

    @Override
    public ResponseEntity<Void> deleteSession(String sessionId) {
        String user = editor("change the catalogue");
        return removed(edits.deleteSession(sessionId), user, "session", sessionId);
    }

    @Override
    public ResponseEntity<List<io.trainflow.plugin.api.model.Role>> listRoles() {
        editor("read the catalogue");
        return ResponseEntity.ok(catalogue.roles().stream()
                .map(r -> new io.trainflow.plugin.api.model.Role(r.title(), r.requiredSkills(), r.roleId())
                        .jobTitleIds(r.jobTitleIds()))
                .toList());
    }

    @Override
    public ResponseEntity<List<HcmName>> listHcmNames() {
        editor("read the catalogue");
        return ResponseEntity.ok(catalogue.hcmNames().stream()
                .map(n ->
                        new HcmName(HcmName.KindEnum.fromValue(n.kind()), n.catalogueId(), n.aliases()).name(n.name()))
                .toList());
    }

    @Override
    public ResponseEntity<Void> putRole(String roleId, RoleChange body) {
        String user = editor("change the catalogue");
        Role role = new Role(roleId, body.getTitle(), body.getJobTitleIds(), body.getRequiredSkills());
        checked(() -> CatalogueRules.check(role, ""));
        boolean added = edits.putRole(role);
        return ResponseEntity.status(changed(added, user, "role", roleId)).build();
    }

    @Override
    public ResponseEntity<Void> deleteRole(String roleId) {
        String user = editor("change the catalogue");
        return removed(edits.deleteRole(roleId), user, "role", roleId);
    }

    @Override
    public ResponseEntity<List<Budget>> listBudgets() {
        editor("read the budgets");
        return ResponseEntity.ok(
                catalogue.budgets().stream().map(CatalogueController::budget).toList());
    }

    @Override
    public ResponseEntity<Void> putBudget(String departmentId, BudgetChange body) {
        String user = editor("change the budgets");
        DepartmentBudget budget = new DepartmentBudget(
                departmentId,
                body.getAllocated().doubleValue(),
                body.getSpent().doubleValue(),
                body.getOwner(),
                body.getCurrency());
        checked(() -> CatalogueRules.check(budget, ""));
        boolean added = edits.putBudget(budget);
        return ResponseEntity.status(changed(added, user, "budget", departmentId))
                .build();
    }

    @Override
    public ResponseEntity<Void> deleteBudget(String departmentId) {
        String user = editor("change the budgets");
        return removed(edits.deleteBudget(departmentId), user, "budget", departmentId);
    }

    @Override
    public ResponseEntity<ImportResult> importCatalogue(String body, String kind) {
        String user = editor("import a catalogue");
        boolean csv =
                MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.valueOf("text/csv"));
        if (csv && kind == null) {
            throw new InvalidInput(
                    "kind",
                    "a CSV import names its kind: courses, sessions, roles, budgets, members, skills, jobTitles or departments");
        }
        if (csv ? "members".equals(kind) : CatalogueImport.namesGroups(body)) {
            access.requireAdmin(user, "change group members");
        }
        CatalogueImport.Result result = checked(() -> csv
                ? importer.csv(kind, body)
                : importer.json(body, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        audit.record(user, "catalogue.import", csv ? "csv:" + kind : "json");
        return ResponseEntity.ok(new ImportResult(
                result.courses(),
                result.sessions(),
                result.roles(),
                result.budgets(),
                result.members(),
                result.names()));
    }

    @Override
    public ResponseEntity<List<Group>> listGroups() {
        editor("read the groups");
        return ResponseEntity.ok(groups.all().entrySet().stream()
                .map(g -> new Group(g.getKey(), List.copyOf(g.getValue())))
                .toList());
    }

    @Override
    public ResponseEntity<Void> addGroupMember(String group, String username) {
        String user = CurrentUser.name();
        access.requireAdmin(user, "change group members");
        if (groups.add(group, username)) {
            audit.record(user, "group.add:" + group, username);
        }
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> removeGroupMember(String group, String username) {
        String user = CurrentUser.name();
        access.requireAdmin(user, "change group members");
        if (!groups.remove(group, username)) {
            throw new NotFound("'" + username + "' is not in group '" + group + "'");
        }
        audit.record(user, "group.remove:" + group, username);
        return ResponseEntity.noContent().build();
    }

    /** Audits an add or a change; 201 for a new entry, 200 for a replaced one. */
    private HttpStatus changed(boolean added, String user, String kind, String id) {
        audit.record(user, "catalogue." + kind + (added ? ".add" : ".change"), id);
        return added ? HttpStatus.CREATED : HttpStatus.OK;
    }

    /** Audits a removal; 404 when there was nothing to remove. */
    private ResponseEntity<Void> removed(boolean removed, String user, String kind, String id) {
        if (!removed) {
            throw new NotFound("No " + kind + " '" + id + "' in the catalogue");
        }
        audit.record(user, "catalogue." + kind + ".remove", id);
        return ResponseEntity.noContent().build();
    }

    private String editor(String what) {
        String user = CurrentUser.name();
        access.requireCatalogueEditor(user, what);
        return user;
    }

    private static void checked(Runnable check) {
        checked(() -> {
            check.run();
            return null;
        });
    }

    /** A catalogue rule broken is the caller's bad input, naming the field. */
    private static <T> T checked(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidCatalogue e) {
            throw new InvalidInput(e.field(), e.reason());
        }
    }

    private static Course course(CatalogueEdits.Course c) {
        return new Course(c.title(), c.cost(), c.currency(), c.courseId())
                .skillIds(c.skillIds())
                .tags(c.tags())
                .lmsShortname(c.lmsShortname());
    }

    private static Session session(TrainingSession s) {
        return new Session(
                        s.sessionId(),
                        s.courseId(),
                        s.start().atOffset(ZoneOffset.UTC),
                        s.end().atOffset(ZoneOffset.UTC),
                        s.seats(),
                        s.seatsLeft())
                .trainer(s.trainer())
                .style(s.style());
    }

    private static Budget budget(DepartmentBudget b) {
        return new Budget(
                BigDecimal.valueOf(b.allocated()),
                BigDecimal.valueOf(b.spent()),
                b.owner(),
                b.currency(),
                b.departmentId(),
                BigDecimal.valueOf(b.remaining()));
    }
}
