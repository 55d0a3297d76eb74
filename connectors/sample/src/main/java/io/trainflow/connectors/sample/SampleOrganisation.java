package io.trainflow.connectors.sample;

import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.delegation.Delegation;
import io.trainflow.connectors.delegation.DelegationStore;
import io.trainflow.connectors.hcm.HcmNameAliases;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.jdbc.Json;
import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.lms.LmsPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.type.TypeReference;

/**
 * A whole made-up company (employees, roles, skills, courses, budgets) behind the same ports
 * Moodle and OrangeHRM implement, so a newcomer sees the lifecycle run with neither. Dates in
 * the files are offsets from the day of loading, so the sample never goes stale. What happens
 * afterwards (enrolments, grades, supervisor changes...) goes to a {@link SampleState}.
 */
public final class SampleOrganisation {

    /** Where the files are packaged inside the connectors jar. */
    public static final String CLASSPATH_DIR = "trainflow/sample/";

    private final SampleLms lms;
    private final SampleHcm hcm;
    private final SampleCatalogue catalogue;
    private final HcmNameAliases aliases;
    private final SampleAi ai;
    private final Map<String, List<String>> groups;
    private final List<Delegation> delegations;
    private final Clock clock;

    private SampleOrganisation(FileSource files, Clock clock, SampleState state) {
        this.clock = clock;
        this.ai = new SampleAi(clock);
        Instant loaded = clock.instant().truncatedTo(ChronoUnit.DAYS);
        SampleData.Organisation org = files.read("organisation.json", new TypeReference<>() {});
        SampleData.Catalogue cat = files.read("catalogue.json", new TypeReference<>() {});
        SampleData.LmsHistory history = files.read("lms-history.json", new TypeReference<>() {});
        this.groups =
                Map.copyOf(files.read("groups.json", new TypeReference<LinkedHashMap<String, List<String>>>() {}));
        List<SampleData.DelegationDef> delegationDefs = files.read("delegations.json", new TypeReference<>() {});
        this.delegations = delegationDefs.stream()
                .map(d -> new Delegation(
                        "sample-" + d.approver(),
                        d.approver(),
                        d.deputy(),
                        loaded.plus(Duration.ofDays(d.startsInDays())),
                        loaded.plus(Duration.ofDays(d.endsInDays())),
                        d.reason()))
                .toList();
        List<Course> courses = cat.courses().stream()
                .map(c -> new Course(c.id(), c.shortname(), c.fullname(), c.summary(), c.categoryId()))
                .toList();
        this.lms = new SampleLms(
                courses,
                org.employees().stream().map(SampleData.Person::username).collect(Collectors.toSet()),
                clock,
                state,
                SampleLmsState.initial(history, loaded));
        this.hcm = new SampleHcm(org, LocalDate.ofInstant(loaded, ZoneOffset.UTC), clock, state);
        this.catalogue = new SampleCatalogue(cat, loaded, state);
        this.aliases = cat.aliases() == null
                ? HcmNameAliases.none()
                : new HcmNameAliases(cat.aliases().skills(), cat.aliases().jobTitles());
    }

    /** The catalogue's table of other names an external HCM uses for its skills and job titles. */
    public HcmNameAliases aliases() {
        return aliases;
    }

    /** The sample packaged in the connectors jar, on the system clock, with state in memory. */
    public static SampleOrganisation fromClasspath() {
        return fromClasspath(Clock.systemUTC(), SampleState.inMemory());
    }

    public static SampleOrganisation fromClasspath(Clock clock, SampleState state) {
        ClassLoader loader = SampleOrganisation.class.getClassLoader();
        return new SampleOrganisation(
                name -> {
                    InputStream in = loader.getResourceAsStream(CLASSPATH_DIR + name);
                    if (in == null) {
                        throw new IllegalStateException("sample file not on the classpath: " + CLASSPATH_DIR + name);
                    }
                    return in;
                },
                clock,
                state);
    }

    /** A sample (or a company's own variant of it) from a directory laid out like {@code config/sample/}. */
    public static SampleOrganisation fromDirectory(Path dir) {
        return fromDirectory(dir, Clock.systemUTC(), SampleState.inMemory());
    }

    public static SampleOrganisation fromDirectory(Path dir, Clock clock, SampleState state) {
        return new SampleOrganisation(name -> Files.newInputStream(dir.resolve(name)), clock, state);
    }

    public LmsPort lms() {
        return lms;
    }

    public HcmPort hcm() {
        return hcm;
    }

    /** The job titles the catalogue's roles refer to, id to name (to map an external HCM's titles). */
    public Map<String, String> jobTitles() {
        return hcm.jobTitles();
    }

    public CataloguePort catalogue() {
        return catalogue;
    }

    public AiPort ai() {
        return ai;
    }

    public Clock clock() {
        return clock;
    }

    /** Inbox groups (ld-team, hr-fallback, budget-owners, sme, admins) to their members' usernames. */
    public Map<String, List<String>> groups() {
        return groups;
    }

    public List<String> members(String group) {
        return groups.getOrDefault(group, List.of());
    }

    /** Delegations the sample starts with, to seed a DelegationStore. */
    public List<Delegation> delegations() {
        return delegations;
    }

    /**
     * Saves the sample's delegations into a (persistent) store, once: a delegation already there
     * (same id) is left as it is, so reloading the sample on a later day does not move its period.
     */
    public void seedDelegations(DelegationStore store) {
        for (Delegation d : delegations) {
            if (store.of(d.approver()).stream()
                    .noneMatch(existing -> existing.id().equals(d.id()))) {
                store.save(d);
            }
        }
    }

    /** Walkthrough: the learner completes their next course, with a grade and feedback. */
    public Optional<String> advanceProgress(String username) {
        return lms.advanceProgress(username);
    }

    /** Walkthrough: HR moves an employee to another manager (null: none). */
    public void changeSupervisor(String employeeId, String newManagerUsername) {
        hcm.changeSupervisor(employeeId, newManagerUsername);
    }

    /** Walkthrough: a new performance review with this rating (0..100), dated today. */
    public void setReviewRating(String employeeId, double rating) {
        hcm.setReviewRating(employeeId, rating);
    }

    /** The sample LMS with its walkthrough extras (messages and calendar as a learner sees them). */
    public SampleLms sampleLms() {
        return lms;
    }

    @FunctionalInterface
    private interface FileSource {
        InputStream open(String name) throws IOException;

        default <T> T read(String name, TypeReference<T> type) {
            try (InputStream in = open(name)) {
                return Json.MAPPER.readValue(in, type);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read sample file " + name, e);
            }
        }
    }
}
