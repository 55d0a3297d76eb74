package io.trainflow.connectors.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.groups.JdbcGroups;
import io.trainflow.connectors.testing.H2;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue lives in the database: imported from the sample's JSON or a CSV, edited, read at once. */
class CatalogueImportTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;

    JdbcCatalogue catalogue;
    CatalogueEdits edits;
    CatalogueImport importer;
    JdbcGroups groups;

    @BeforeEach
    void database() {
        DataSource db = H2.file(dir.resolve("catalogue"));
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
        catalogue = new JdbcCatalogue(db, clock);
        edits = new CatalogueEdits(db, clock);
        importer = new CatalogueImport(edits, catalogue);
        groups = new JdbcGroups(db);
    }

    @Test
    void theSampleCatalogueImportsWithItsSessionsBudgetsAndGroups() throws Exception {
        assertThat(catalogue.isEmpty()).isTrue();
        String json;
        try (InputStream in = getClass().getResourceAsStream("/trainflow/sample/catalogue.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        json = json.substring(0, json.lastIndexOf('}')) + ", \"groups\": {\"ld-team\": [\"zoe.vincent\"]}}";

        CatalogueImport.Result result = importer.json(json, TODAY);

        assertThat(catalogue.isEmpty()).isFalse();
        assertThat(result.courses()).isEqualTo(catalogue.offerings().size()).isGreaterThan(10);
        assertThat(catalogue.offering("101")).get().satisfies(o -> {
            assertThat(o.skillIds()).contains("java");
            assertThat(o.currency()).isEqualTo("EUR");
        });
        assertThat(catalogue.sessions("101"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.start()).isAfterOrEqualTo(Instant.parse("2026-03-02T09:00:00Z")));
        assertThat(catalogue.roleForJobTitle("ld-specialist"))
                .get()
                .extracting(Role::roleId)
                .isEqualTo("hr-specialist");
        assertThat(catalogue.budgets()).hasSize(result.budgets()).isNotEmpty();
        assertThat(groups.groupsOf("zoe.vincent")).containsExactly("ld-team");
        assertThat(importer.json(json, TODAY).members())
                .as("importing again changes nothing")
                .isZero();
    }

    @Test
    void aCsvImportsAllOrNothingAndNamesTheBadLineAndColumn() {
        String courses = "id,title,cost,currency,skills,tags\n"
                + "501,\"Kubernetes, hands-on\",1200.50,EUR,kubernetes|observability,k8s\n"
                + "502,SQL tuning,nine hundred,EUR,sql,\n";

        assertThatThrownBy(() -> importer.csv("courses", courses))
                .isInstanceOfSatisfying(
                        InvalidCatalogue.class, e -> assertThat(e.field()).isEqualTo("line 3: cost"));
        assertThat(catalogue.isEmpty())
                .as("nothing of a refused import is kept")
                .isTrue();

        importer.csv("courses", courses.replace("nine hundred", "900"));
        assertThat(edits.course("501")).get().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Kubernetes, hands-on");
            assertThat(c.cost()).isEqualByComparingTo("1200.50");
            assertThat(c.skillIds()).containsExactly("kubernetes", "observability");
        });
        importer.csv(
                "roles",
                "roleId,title,jobTitles,requiredSkills\nplatform-engineer,Platform Engineer,"
                        + "platform-engineer|sre-lead,kubernetes:4|observability:3\n");
        assertThat(catalogue.roleForJobTitle("sre-lead"))
                .get()
                .extracting(Role::requiredSkills)
                .isEqualTo(java.util.Map.of("kubernetes", 4, "observability", 3));
        assertThatThrownBy(() -> importer.csv("roles", "roleId,title,requiredSkills\nx,X,java:9\n"))
                .isInstanceOfSatisfying(
                        InvalidCatalogue.class, e -> assertThat(e.field()).isEqualTo("line 2: requiredSkills.java"));
        assertThatThrownBy(() -> importer.csv(
                        "sessions",
                        "id,courseId,start,end,seats\n" + "s1,999,2026-04-01T09:00:00Z,2026-04-01T17:00:00Z,10\n"))
                .isInstanceOfSatisfying(
                        InvalidCatalogue.class, e -> assertThat(e.field()).isEqualTo("line 2: courseId"));
    }

    @Test
    void theLmsShortnamesAndTheHcmsNamesAreTheCatalogues() {
        importer.json("""
                {"courses": [
                   {"id": "101", "title": "Java", "cost": 450, "shortname": "JAVA-FUND", "skillIds": ["java"]},
                   {"id": "K8S-OPS", "title": "Kubernetes", "cost": 900}],
                 "skills": [{"id": "java", "name": "Java"}, {"id": "coaching", "name": "Coaching and Feedback"}],
                 "jobTitles": [{"id": "site-reliability-engineer", "title": "Site Reliability Engineer"}],
                 "departments": [{"id": "engineering", "name": "Engineering", "aliases": ["R&D"]}],
                 "aliases": {"skills": {"coaching": ["Coaching"]}, "jobTitles": {"site-reliability-engineer": ["SRE"]}}}
                """, TODAY);

        assertThat(catalogue.lmsShortnames())
                .as("a course without one is known to the LMS by its id")
                .containsExactly(java.util.Map.entry("101", "JAVA-FUND"), java.util.Map.entry("K8S-OPS", "K8S-OPS"));
        assertThat(catalogue.hcmNames())
                .containsExactlyInAnyOrder(
                        new HcmName(HcmName.SKILL, "java", "Java", java.util.List.of()),
                        new HcmName(HcmName.SKILL, "coaching", "Coaching and Feedback", java.util.List.of("Coaching")),
                        new HcmName(
                                HcmName.JOB_TITLE,
                                "site-reliability-engineer",
                                "Site Reliability Engineer",
                                java.util.List.of("SRE")),
                        new HcmName(HcmName.DEPARTMENT, "engineering", "Engineering", java.util.List.of("R&D")));

        // the sample's catalogue.json alone: its aliases replace the other names, the names stay
        importer.json("{\"aliases\": {\"skills\": {\"coaching\": [\"Coaching\", \"Feedback\"]}}}", TODAY);
        assertThat(catalogue.hcmNames())
                .contains(new HcmName(
                        HcmName.SKILL, "coaching", "Coaching and Feedback", java.util.List.of("Coaching", "Feedback")));

        assertThatThrownBy(() -> importer.csv("skills", "id,name,aliases\npython,Python,Py\ndocker,,\n"))
                .isInstanceOfSatisfying(
                        InvalidCatalogue.class, e -> assertThat(e.field()).isEqualTo("line 3: name"));
        importer.csv("jobTitles", "id,name,aliases\nsite-reliability-engineer,Site Reliability Engineer,SRE|Ops\n");
        assertThat(catalogue.hcmNames())
                .contains(new HcmName(
                        HcmName.JOB_TITLE,
                        "site-reliability-engineer",
                        "Site Reliability Engineer",
                        java.util.List.of("Ops", "SRE")))
                .noneMatch(n -> n.catalogueId().equals("python"));
    }

    @Test
    void aPriceChangeHoldsForTheNextReadAndTheLastSeatGoesOnce() {
        edits.putCourse(new CatalogueEdits.Course("601", "Negotiation", new BigDecimal("800"), "EUR", null, null));
        edits.putSession(new CatalogueEdits.Session(
                "601-a",
                "601",
                Instant.parse("2026-04-01T09:00:00Z"),
                Instant.parse("2026-04-01T17:00:00Z"),
                2,
                1,
                "Ines",
                "workshop"));

        edits.putCourse(new CatalogueEdits.Course("601", "Negotiation", new BigDecimal("950"), "EUR", null, null));

        assertThat(catalogue.offering("601"))
                .get()
                .extracting(CourseOffering::cost)
                .isEqualTo(950.0);
        assertThat(catalogue.reserveSeat("601-a", "alice.martin", "req-1")).isTrue();
        assertThat(catalogue.reserveSeat("601-a", "alice.martin", "req-1"))
                .as("the same learner again")
                .isTrue();
        assertThat(catalogue.reserveSeat("601-a", "bob.petit", "req-2"))
                .as("full")
                .isFalse();
        assertThat(catalogue.sessions("601"))
                .singleElement()
                .extracting(TrainingSession::seatsLeft)
                .isEqualTo(0);
    }
}
