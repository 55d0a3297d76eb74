package io.trainflow.connectors.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.catalogue.DepartmentBudget;
import io.trainflow.connectors.catalogue.TrainingSession;
import io.trainflow.connectors.delegation.InMemoryDelegationStore;
import io.trainflow.connectors.hcm.Employee;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleOrganisationTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    final SampleOrganisation org = SampleOrganisation.fromClasspath(CLOCK, SampleState.inMemory());

    @Test
    void theCompanyHasFourDepartmentsUnderOneRoot() {
        assertThat(org.hcm().departments())
                .extracting(d -> d.id())
                .containsExactly("company", "engineering", "sales", "support", "hr");
        assertThat(org.hcm().employees("company")).hasSize(30);
        assertThat(org.hcm().employees("engineering"))
                .extracting(Employee::username)
                .contains("marc.bernard", "alice.martin")
                .doesNotContain("julie.lambert");
        assertThat(org.hcm().employees("marketing")).isEmpty();
    }

    @Test
    void managerChainsReachTheCeo() {
        assertThat(chain("1004")).containsExactly("sophie.laurent", "marc.bernard", "claire.dubois");
        assertThat(chain("1001")).as("the CEO has no manager").isEmpty();
        assertThat(chain("1023")).as("nina.petit, a new hire, has none yet").isEmpty();
    }

    List<String> chain(String employeeId) {
        List<String> out = new java.util.ArrayList<>();
        String id = org.hcm().employee(employeeId).orElseThrow().managerId();
        while (id != null) {
            Employee m = org.hcm().employee(id).orElseThrow();
            out.add(m.username());
            id = m.managerId();
        }
        return out;
    }

    @Test
    void salesIsNearlyOutOfBudget() {
        DepartmentBudget sales = org.catalogue().budget("sales").orElseThrow();
        assertThat(sales.remaining()).isEqualTo(400.0);
        assertThat(sales.owner()).isEqualTo("julie.lambert");
        assertThat(org.catalogue().budget("engineering").orElseThrow().remaining())
                .isGreaterThan(5000);
    }

    @Test
    void everyRoleRequirementNamesAKnownSkillAndEveryJobTitleButTheCeosHasARole() {
        List<String> skills = org.hcm().skills().stream().map(s -> s.id()).toList();
        assertThat(org.catalogue().roles())
                .hasSize(6)
                .allSatisfy(
                        r -> assertThat(skills).containsAll(r.requiredSkills().keySet()));
        assertThat(org.hcm().employees("company"))
                .filteredOn(e -> !e.jobTitleId().equals("chief-executive"))
                .allSatisfy(e -> assertThat(org.catalogue().roleForJobTitle(e.jobTitleId()))
                        .isPresent());
    }

    @Test
    void sessionsAreRelativeToTheDayOfLoading() {
        List<TrainingSession> sessions = org.catalogue().sessions("104");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).start()).isAfter(CLOCK.instant());
        assertThat(sessions.get(0).start().toString()).endsWith("T09:00:00Z");
        assertThat(org.catalogue().sessions("122"))
                .allSatisfy(s -> assertThat(s.start()).isBefore(CLOCK.instant()));
    }

    @Test
    void everyCourseIsBothInTheLmsAndInTheCatalogue() {
        assertThat(org.lms().courses()).hasSize(25);
        assertThat(org.catalogue().offerings())
                .extracting(o -> o.courseId())
                .containsExactlyElementsOf(
                        org.lms().courses().stream().map(c -> c.id()).toList());
    }

    @Test
    void groupsAndSeededDelegations() {
        assertThat(org.members("ld-team")).contains("zoe.vincent");
        assertThat(org.groups())
                .containsOnlyKeys("ld-team", "hr-fallback", "budget-owners", "sme", "admins", "auditors");
        assertThat(org.delegations())
                .singleElement()
                .satisfies(d -> assertThat(d.activeAt(CLOCK.instant())).isTrue());
    }

    @Test
    void seedingDelegationsIntoAStoreHappensOnceSoAReloadDoesNotMoveThePeriod() {
        InMemoryDelegationStore store = new InMemoryDelegationStore();
        org.seedDelegations(store);
        Clock later = Clock.offset(CLOCK, Duration.ofDays(20));
        SampleOrganisation.fromClasspath(later, SampleState.inMemory()).seedDelegations(store);

        assertThat(store.of("isabelle.fontaine"))
                .singleElement()
                .satisfies(d -> assertThat(d).isEqualTo(org.delegations().get(0)));
        assertThat(store.deputyOf("isabelle.fontaine", CLOCK.instant())).contains("thomas.rousseau");
        assertThat(store.deputyOf("isabelle.fontaine", later.instant())).isEmpty();
    }

    @Test
    void loadsFromADirectoryToo() {
        Path dir = Path.of("..", "..", "config", "sample");
        assertThat(Files.isDirectory(dir)).isTrue();
        assertThat(SampleOrganisation.fromDirectory(dir).hcm().employee("1004")).isPresent();
    }
}
