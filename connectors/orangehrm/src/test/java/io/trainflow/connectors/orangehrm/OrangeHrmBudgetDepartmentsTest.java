package io.trainflow.connectors.orangehrm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.hcm.CatalogueIdsHcm;
import io.trainflow.connectors.hcm.Department;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.sample.SampleOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OrangeHRM's sub-units (recorded: OrangeHRM > Engineering > Platform Team) seen as the catalogue's budget
 * departments (sample: engineering, sales, support, hr): a learner in a team below a department is in that
 * department for the budget check, and a campaign over "engineering" reaches the whole sub-unit.
 */
class OrangeHrmBudgetDepartmentsTest extends OrangeHrmWireMockBase {

    private HcmPort seen;

    @BeforeEach
    void catalogueView() {
        SampleOrganisation catalogue = SampleOrganisation.fromClasspath();
        seen = new CatalogueIdsHcm(
                hcm,
                catalogue.hcm().skills(),
                catalogue.jobTitles(),
                catalogue.hcm().departments());
        replay(api("GET", "/admin/subunits").withQueryParam("mode", equalTo("tree")), "22-list-subunits-tree");
    }

    @Test
    void aLearnerInATeamBelowADepartmentIsInThatDepartment() {
        replay(api("GET", "/pim/employees/3"), "18-get-employee");
        replay(api("GET", "/pim/employees/3/job-details"), "19-get-job-details");
        replay(list("/pim/employees/3/supervisors"), "20-list-supervisors");
        replay(list("/admin/users"), "written/users");

        Employee linus = seen.employee("3").orElseThrow();

        assertThat(linus.departmentId()).isEqualTo("engineering"); // Platform Team (3) sits under Engineering (2)
        assertThat(linus.departmentName()).isEqualTo("Engineering");
        assertThat(linus.jobTitleId()).isEqualTo("site-reliability-engineer");
    }

    @Test
    void unitsThatAreCatalogueDepartmentsGoByTheCatalogueIdOthersKeepTheirs() {
        assertThat(seen.departments())
                .containsExactly(
                        new Department("1", "OrangeHRM", null),
                        new Department("engineering", "Engineering", "1"),
                        new Department("3", "Platform Team", "engineering"));
    }

    @Test
    void aCampaignOverTheCatalogueDepartmentReachesItsSubunits() {
        replay(
                list("/pim/employees")
                        .withQueryParam("model", equalTo("detailed"))
                        .withQueryParam("includeEmployees", equalTo("onlyCurrent")),
                "17-list-employees");
        replay(list("/admin/users").withQueryParam("username", absent()), "written/users");

        assertThat(seen.employees("engineering"))
                .extracting(Employee::employeeId)
                .containsExactly("2", "3");
        assertThat(seen.employees("engineering"))
                .extracting(Employee::departmentId)
                .containsOnly("engineering");
        assertThat(seen.employees("sales")).isEmpty(); // no such sub-unit in this OrangeHRM
    }

    @Test
    void theSubunitTreeIsReadOnceForManyLookups() {
        for (int i = 0; i < 3; i++) {
            seen.departments();
        }
        wm.verify(1, getRequestedFor(urlPathMatching(".*/admin/subunits")));
    }
}
