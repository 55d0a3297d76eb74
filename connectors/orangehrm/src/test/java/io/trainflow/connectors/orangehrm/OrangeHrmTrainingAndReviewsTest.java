package io.trainflow.connectors.orangehrm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.trainflow.connectors.hcm.PerformanceReview;
import io.trainflow.connectors.hcm.TrainingRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Training records as licences (one per type per employee) and performance reviews. */
class OrangeHrmTrainingAndReviewsTest extends OrangeHrmWireMockBase {

    static final TrainingRecord CKA = new TrainingRecord(
            null,
            "Certified Kubernetes Administrator (CKA)",
            "CKA-2026-000123",
            LocalDate.parse("2026-10-01"),
            LocalDate.parse("2029-10-01"));

    @Test
    void trainingRecordsAreTheEmployeesLicences() {
        replay(list("/pim/employees/3/licenses"), "31-list-employee-licenses");
        assertThat(hcm.trainingRecords("3"))
                .containsExactly(
                        new TrainingRecord(
                                "2",
                                "Workplace First Aid Training",
                                "COURSE-FA-42",
                                LocalDate.parse("2026-09-12"),
                                null),
                        new TrainingRecord(
                                "1",
                                "Certified Kubernetes Administrator (CKA)",
                                "CKA-2026-000123",
                                LocalDate.parse("2026-10-01"),
                                LocalDate.parse("2029-10-01")));
    }

    @Test
    void aMissingLicenceTypeIsCreatedThenHeld() {
        replay(list("/pim/employees/3/licenses"), "written/empty-employee-list");
        wm.stubFor(list("/admin/licenses").willReturn(okJson("{\"data\":[],\"meta\":{\"total\":0},\"rels\":[]}")));
        replay(api("POST", "/admin/licenses"), "09-create-license-cka");
        replay(api("POST", "/pim/employees/3/licenses"), "29-add-employee-license");

        assertThat(hcm.recordTraining("3", CKA).recordId()).isEqualTo("1");
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(API + "/admin/licenses"))
                        .withRequestBody(equalToJson(sent("09-create-license-cka"))));
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(API + "/pim/employees/3/licenses"))
                        .withRequestBody(equalToJson(sent("29-add-employee-license"))));
    }

    @Test
    void anExistingLicenceTypeIsReusedAndNullExpirySent() {
        replay(list("/pim/employees/3/licenses"), "written/empty-employee-list");
        replay(list("/admin/licenses"), "11-list-licenses");
        replay(api("POST", "/pim/employees/3/licenses"), "30-add-employee-license-training");
        TrainingRecord firstAid = new TrainingRecord(
                null, "Workplace First Aid Training", "COURSE-FA-42", LocalDate.parse("2026-09-12"), null);
        assertThat(hcm.recordTraining("3", firstAid))
                .isEqualTo(new TrainingRecord(
                        "2", "Workplace First Aid Training", "COURSE-FA-42", LocalDate.parse("2026-09-12"), null));
        wm.verify(0, postRequestedFor(urlPathEqualTo(API + "/admin/licenses")));
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(API + "/pim/employees/3/licenses"))
                        .withRequestBody(equalToJson(sent("30-add-employee-license-training"))));
    }

    /** The step re-run after a crash records the same training again: one licence, one write. */
    @Test
    void recordingTheSameTrainingTwiceWritesOnce() {
        wm.stubFor(list("/pim/employees/3/licenses")
                .inScenario("lic")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer("written/empty-employee-list")));
        replay(list("/admin/licenses"), "11-list-licenses");
        wm.stubFor(api("POST", "/pim/employees/3/licenses")
                .inScenario("lic")
                .willReturn(answer("29-add-employee-license"))
                .willSetStateTo("held"));
        wm.stubFor(list("/pim/employees/3/licenses")
                .inScenario("lic")
                .whenScenarioStateIs("held")
                .willReturn(answer("31-list-employee-licenses")));

        TrainingRecord first = hcm.recordTraining("3", CKA);
        TrainingRecord again = hcm.recordTraining("3", CKA);
        assertThat(again).isEqualTo(first);
        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "/pim/employees/3/licenses")));
        wm.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void recordingAgainWithNewDetailsUpdatesTheOneLicence() {
        replay(list("/pim/employees/3/licenses"), "31-list-employee-licenses");
        replay(api("PUT", "/pim/employees/3/licenses/1"), "written/update-employee-license");
        TrainingRecord renewed = new TrainingRecord(
                null, CKA.name(), "CKA-2026-000999", LocalDate.parse("2026-11-01"), LocalDate.parse("2029-11-01"));
        assertThat(hcm.recordTraining("3", renewed))
                .isEqualTo(new TrainingRecord(
                        "1",
                        CKA.name(),
                        "CKA-2026-000999",
                        LocalDate.parse("2026-11-01"),
                        LocalDate.parse("2029-11-01")));
        wm.verify(
                1,
                putRequestedFor(urlPathEqualTo(API + "/pim/employees/3/licenses/1"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"licenseNo\":\"CKA-2026-000999\",\"issuedDate\":\"2026-11-01\",\"expiryDate\":\"2029-11-01\"}")));
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    /** Another instance created the licence type between our check and our write: use it, do not fail. */
    @Test
    void aLicenceTypeCreatedConcurrentlyIsPickedUp() {
        replay(list("/pim/employees/3/licenses"), "written/empty-employee-list");
        wm.stubFor(list("/admin/licenses")
                .inScenario("race")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"data\":[],\"meta\":{\"total\":0},\"rels\":[]}")));
        wm.stubFor(api("POST", "/admin/licenses")
                .inScenario("race")
                .willReturn(answer("written/invalid-license-name"))
                .willSetStateTo("exists"));
        wm.stubFor(list("/admin/licenses")
                .inScenario("race")
                .whenScenarioStateIs("exists")
                .willReturn(answer("11-list-licenses")));
        replay(api("POST", "/pim/employees/3/licenses"), "29-add-employee-license");

        assertThat(hcm.recordTraining("3", CKA).recordId()).isEqualTo("1");
        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "/admin/licenses")));
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(API + "/pim/employees/3/licenses"))
                        .withRequestBody(matchingJsonPath("$.licenseId", equalTo("1"))));
    }

    @Test
    void latestReviewIsTheCompletedFinalEvaluation() {
        replay(list("/performance/manage/reviews"), "45-list-reviews-manage");
        replay(api("GET", "/performance/reviews/1/evaluation/final"), "43-review-final-evaluation-get");
        assertThat(hcm.latestReview("3"))
                .contains(new PerformanceReview(
                        "1",
                        "3",
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-06-30"),
                        LocalDate.parse("2026-07-10"),
                        78.0,
                        "Recommend CKA and incident command training."));
        assertThat(hcm.latestReview("2")).isEmpty(); // Grace reviews, she is not reviewed
    }

    /** KPI ratings are strings on the wire ("85.00" stored, "85" right after the PUT), null before rating. */
    @Test
    void kpiRatingsAreNumbers() {
        replay(api("GET", "/performance/reviews/1/evaluation/supervisor"), "44-review-supervisor-evaluation-after");
        assertThat(hcm.kpiRatings("1"))
                .containsExactly(
                        new ReviewKpiRating(
                                "1",
                                "Service availability (SLO attainment)",
                                new BigDecimal("85.00"),
                                BigDecimal.valueOf(0.0),
                                BigDecimal.valueOf(100.0),
                                "Met SLO 99.9% most months"),
                        new ReviewKpiRating(
                                "2",
                                "Incident response quality",
                                new BigDecimal("60.00"),
                                BigDecimal.valueOf(0.0),
                                BigDecimal.valueOf(100.0),
                                "Weak postmortem follow-through"));
        wm.resetMappings();
        replay(api("GET", "/performance/reviews/1/evaluation/supervisor"), "40-review-supervisor-evaluation-get");
        assertThat(hcm.kpiRatings("1")).extracting(ReviewKpiRating::rating).containsOnlyNulls();
    }
}
