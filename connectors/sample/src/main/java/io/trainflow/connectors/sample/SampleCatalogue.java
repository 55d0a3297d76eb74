package io.trainflow.connectors.sample;

import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.CourseOffering;
import io.trainflow.connectors.catalogue.DepartmentBudget;
import io.trainflow.connectors.catalogue.Role;
import io.trainflow.connectors.catalogue.TrainingSession;
import io.trainflow.connectors.jdbc.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sample catalogue: roles, offerings and budgets from {@code catalogue.json}; sessions placed
 * relative to the day the sample was loaded (09:00 UTC on the first day, 17:00 on the last).
 * Seat bookings are kept in {@link SampleState}.
 */
public class SampleCatalogue implements CataloguePort {

    static final String STATE_KEY = "catalogue";

    /** Mutable state: session id to (username to booking reference). */
    static final class State {
        public Map<String, Map<String, String>> bookings = new LinkedHashMap<>();
    }

    private final SampleData.Catalogue data;
    private final Instant anchor;
    private final SampleState store;
    private final State state;

    SampleCatalogue(SampleData.Catalogue data, Instant anchor, SampleState store) {
        this.data = data;
        this.anchor = anchor;
        this.store = store;
        this.state =
                store.load(STATE_KEY).map(json -> Json.read(json, State.class)).orElseGet(State::new);
    }

    @Override
    public List<Role> roles() {
        return data.roles().stream()
                .map(r -> new Role(r.roleId(), r.title(), r.jobTitleIds(), r.requiredSkills()))
                .toList();
    }

    @Override
    public List<CourseOffering> offerings() {
        return data.courses().stream()
                .map(c -> new CourseOffering(c.id(), c.skillIds(), c.tags(), c.cost(), currency()))
                .toList();
    }

    @Override
    public Optional<CourseOffering> offering(String courseId) {
        return offerings().stream().filter(o -> o.courseId().equals(courseId)).findFirst();
    }

    @Override
    public synchronized List<TrainingSession> sessions(String courseId) {
        return data.courses().stream()
                .filter(c -> c.id().equals(courseId))
                .flatMap(c -> c.sessions().stream().map(s -> session(c.id(), s)))
                .sorted(Comparator.comparing(TrainingSession::start))
                .toList();
    }

    private TrainingSession session(String courseId, SampleData.SessionDef s) {
        Instant start = anchor.plus(Duration.ofDays(s.startsInDays())).plus(Duration.ofHours(9));
        Instant end =
                start.plus(Duration.ofDays(Math.max(1, s.durationDays()) - 1L)).plus(Duration.ofHours(8));
        int taken = s.booked() + state.bookings.getOrDefault(s.id(), Map.of()).size();
        return new TrainingSession(s.id(), courseId, start, end, s.seats(), taken, s.trainer(), s.style());
    }

    @Override
    public synchronized boolean reserveSeat(String sessionId, String username, String reference) {
        Map<String, String> booked = state.bookings.getOrDefault(sessionId, Map.of());
        if (booked.containsKey(username)) {
            return true;
        }
        Optional<TrainingSession> session = data.courses().stream()
                .flatMap(c -> c.sessions().stream()
                        .filter(s -> s.id().equals(sessionId))
                        .map(s -> session(c.id(), s)))
                .findFirst();
        if (session.isEmpty() || session.get().seatsLeft() == 0) {
            return false;
        }
        state.bookings.computeIfAbsent(sessionId, k -> new LinkedHashMap<>()).put(username, reference);
        store.save(STATE_KEY, Json.write(state));
        return true;
    }

    @Override
    public Optional<DepartmentBudget> budget(String departmentId) {
        return data.budgets().stream()
                .filter(b -> b.departmentId().equals(departmentId))
                .map(b -> new DepartmentBudget(b.departmentId(), b.allocated(), b.spent(), b.owner(), currency()))
                .findFirst();
    }

    private String currency() {
        return data.currency() == null ? "EUR" : data.currency();
    }
}
