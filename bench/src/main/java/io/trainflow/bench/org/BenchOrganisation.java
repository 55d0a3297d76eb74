package io.trainflow.bench.org;

import io.trainflow.connectors.delegation.InMemoryDelegationStore;
import io.trainflow.connectors.jdbc.Json;
import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.outcome.OutcomeStore;
import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.connectors.sample.SampleState;
import io.trainflow.tests.org.OrgData;
import io.trainflow.tests.org.SyntheticOrganisation;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.engine.Directory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A generated organisation directory, loaded twice: by {@link SampleOrganisation#fromDirectory}
 * (which checks the files and supplies the AI port and the groups) and into indexed ports that
 * answer in O(1) (see docs/BENCHMARKS.md for why the sample ports are not used as they are).
 */
public final class BenchOrganisation {

    private final Path dir;
    private final SampleOrganisation sample;
    private final OrgData.Organisation org;
    private final IndexedHcm hcm;
    private final IndexedLms lms;
    private final IndexedCatalogue catalogue;

    private BenchOrganisation(Path dir, Clock clock) {
        this.dir = dir;
        this.sample = SampleOrganisation.fromDirectory(dir, clock, SampleState.inMemory());
        this.org = read(dir.resolve("organisation.json"), OrgData.Organisation.class);
        OrgData.Catalogue cat = read(dir.resolve("catalogue.json"), OrgData.Catalogue.class);
        var loaded = clock.instant().truncatedTo(ChronoUnit.DAYS);
        this.hcm = new IndexedHcm(org, LocalDate.ofInstant(loaded, ZoneOffset.UTC));
        List<Course> courses = cat.courses().stream()
                .map(c -> new Course(c.id(), c.shortname(), c.fullname(), c.summary(), c.categoryId()))
                .toList();
        this.lms = new IndexedLms(
                courses, org.employees().stream().map(OrgData.Person::username).collect(Collectors.toSet()), clock);
        this.catalogue = new IndexedCatalogue(cat, loaded);
    }

    /** Generates {@code size} employees in {@link SyntheticOrganisation#DEPARTMENT} under {@code dir} and loads them. */
    public static BenchOrganisation generate(Path dir, int size, Clock clock) {
        SyntheticOrganisation.write(dir, size);
        return new BenchOrganisation(dir, clock);
    }

    public Path dir() {
        return dir;
    }

    public SampleOrganisation sample() {
        return sample;
    }

    /** Ports for the step handlers: indexed HCM, LMS and catalogue, the sample AI, the given outcome store. */
    public TrainflowPorts ports(OutcomeStore outcomes, Clock clock) {
        return new TrainflowPorts(lms, hcm, sample.ai(), catalogue, outcomes, new InMemoryDelegationStore(), clock);
    }

    public Directory directory() {
        return user -> {
            Set<String> groups = new HashSet<>();
            sample.groups().forEach((group, members) -> {
                if (members.contains(user)) {
                    groups.add(group);
                }
            });
            return groups;
        };
    }

    public List<String> departmentIds() {
        return hcm.employees(SyntheticOrganisation.DEPARTMENT).stream()
                .map(e -> e.employeeId())
                .toList();
    }

    /** Employee id to {employeeId, username, managerUsername, department}: what the baseline's no-op steps hand on. */
    public Map<String, Map<String, Object>> profiles() {
        return org.employees().stream()
                .collect(Collectors.toMap(
                        OrgData.Person::employeeId,
                        p -> Map.of(
                                "employeeId",
                                p.employeeId(),
                                "username",
                                p.username(),
                                "department",
                                p.departmentId(),
                                "managerUsername",
                                p.manager() == null ? "" : p.manager())));
    }

    /** Every learner completes every course they are enrolled in. */
    public void learnersCompleteEverything() {
        org.employees().forEach(p -> lms.completeEverything(p.username()));
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return Json.MAPPER.readValue(Files.readString(file), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
