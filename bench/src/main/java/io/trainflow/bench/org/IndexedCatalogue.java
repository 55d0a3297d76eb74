package io.trainflow.bench.org;

import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.CourseOffering;
import io.trainflow.connectors.catalogue.DepartmentBudget;
import io.trainflow.connectors.catalogue.Role;
import io.trainflow.connectors.catalogue.TrainingSession;
import io.trainflow.tests.org.OrgData;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The sample catalogue's behaviour ({@code SampleCatalogue}) with seat bookings counted per session. */
final class IndexedCatalogue implements CataloguePort {

    private final String currency;
    private final List<Role> roles;
    private final List<CourseOffering> offerings;
    private final Map<String, CourseOffering> offeringById;
    private final Map<String, OrgData.CourseDef> courseById;
    private final Map<String, String> courseOfSession = new ConcurrentHashMap<>();
    private final Map<String, DepartmentBudget> budgets;
    private final Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();
    private final Instant anchor;

    IndexedCatalogue(OrgData.Catalogue data, Instant anchor) {
        this.anchor = anchor;
        this.currency = data.currency() == null ? "EUR" : data.currency();
        this.roles = data.roles().stream()
                .map(r -> new Role(r.roleId(), r.title(), r.jobTitleIds(), r.requiredSkills()))
                .toList();
        this.offerings = data.courses().stream()
                .map(c -> new CourseOffering(c.id(), c.skillIds(), c.tags(), c.cost(), currency))
                .toList();
        this.offeringById = offerings.stream().collect(Collectors.toMap(CourseOffering::courseId, Function.identity()));
        this.courseById = data.courses().stream().collect(Collectors.toMap(OrgData.CourseDef::id, Function.identity()));
        data.courses().forEach(c -> c.sessions().forEach(s -> courseOfSession.put(s.id(), c.id())));
        this.budgets = data.budgets().stream()
                .collect(Collectors.toMap(
                        OrgData.BudgetDef::departmentId,
                        b -> new DepartmentBudget(b.departmentId(), b.allocated(), b.spent(), b.owner(), currency)));
    }

    @Override
    public List<Role> roles() {
        return roles;
    }

    @Override
    public Optional<Role> role(String roleId) {
        return roles.stream().filter(r -> r.roleId().equals(roleId)).findFirst();
    }

    @Override
    public Optional<Role> roleForJobTitle(String jobTitleId) {
        return roles.stream().filter(r -> r.jobTitleIds().contains(jobTitleId)).findFirst();
    }

    @Override
    public List<CourseOffering> offerings() {
        return offerings;
    }

    @Override
    public Optional<CourseOffering> offering(String courseId) {
        return Optional.ofNullable(offeringById.get(courseId));
    }

    @Override
    public List<TrainingSession> sessions(String courseId) {
        OrgData.CourseDef course = courseById.get(courseId);
        if (course == null) {
            return List.of();
        }
        return course.sessions().stream()
                .map(s -> session(courseId, s))
                .sorted(Comparator.comparing(TrainingSession::start))
                .toList();
    }

    private TrainingSession session(String courseId, OrgData.SessionDef s) {
        Instant start = anchor.plus(Duration.ofDays(s.startsInDays())).plus(Duration.ofHours(9));
        Instant end =
                start.plus(Duration.ofDays(Math.max(1, s.durationDays()) - 1L)).plus(Duration.ofHours(8));
        int booked =
                s.booked() + taken.getOrDefault(s.id(), new AtomicInteger()).get();
        return new TrainingSession(s.id(), courseId, start, end, s.seats(), booked, s.trainer(), s.style());
    }

    @Override
    public boolean reserveSeat(String sessionId, String username, String reference) {
        String courseId = courseOfSession.get(sessionId);
        if (courseId == null) {
            return false;
        }
        OrgData.SessionDef def = courseById.get(courseId).sessions().stream()
                .filter(s -> s.id().equals(sessionId))
                .findFirst()
                .orElseThrow();
        AtomicInteger count = taken.computeIfAbsent(sessionId, k -> new AtomicInteger());
        if (def.booked() + count.get() >= def.seats()) {
            return false;
        }
        count.incrementAndGet();
        return true;
    }

    @Override
    public Optional<DepartmentBudget> budget(String departmentId) {
        return Optional.ofNullable(budgets.get(departmentId));
    }
}
