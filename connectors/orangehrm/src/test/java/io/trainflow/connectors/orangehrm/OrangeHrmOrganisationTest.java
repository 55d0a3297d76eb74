package io.trainflow.connectors.orangehrm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.trainflow.connectors.hcm.Department;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.orangehrm.api.OrangeHrmJson;
import io.trainflow.connectors.orangehrm.model.EmployeeEnvelope;
import io.trainflow.connectors.orangehrm.model.EmployeeListEnvelope;
import org.junit.jupiter.api.Test;

/** Employees, supervisors and sub-units against the recorded OrangeHRM 5.7 answers. */
class OrangeHrmOrganisationTest extends OrangeHrmWireMockBase {

    void organisation() {
        replay(api("GET", "/admin/subunits").withQueryParam("mode", equalTo("tree")), "22-list-subunits-tree");
        replay(
                list("/pim/employees")
                        .withQueryParam("model", equalTo("detailed"))
                        .withQueryParam("includeEmployees", equalTo("onlyCurrent")),
                "17-list-employees");
        replay(list("/admin/users").withQueryParam("username", absent()), "written/users");
    }

    @Test
    void departmentsAreTheSubunitTreeFlattened() {
        organisation();
        assertThat(hcm.departments())
                .containsExactly(
                        new Department("1", "OrangeHRM", null),
                        new Department("2", "Engineering", "1"),
                        new Department("3", "Platform Team", "2"));
    }

    @Test
    void employeesOfADepartmentIncludeItsSubunits() {
        organisation();
        assertThat(hcm.employees("2")).extracting(Employee::employeeId).containsExactly("2", "3");
        assertThat(hcm.employees("3"))
                .singleElement()
                .isEqualTo(new Employee(
                        "3",
                        "linus.torvalds",
                        "Linus",
                        "Torvalds",
                        null,
                        "1",
                        "Site Reliability Engineer",
                        "3",
                        "Platform Team",
                        "2"));
        assertThat(hcm.employees("99")).isEmpty();
    }

    /** The Admin employee has "subunit": {"id": null, ...}: in no department, not in one with id "null". */
    @Test
    void relationsOfNullsAreNone() {
        organisation();
        assertThat(hcm.employees("1")).extracting(Employee::employeeId).containsExactly("2", "3");
        assertThat(hcm.employees("null")).isEmpty();
    }

    @Test
    void oneEmployeeFromJobDetailsAndTheDirectSupervisor() {
        replay(api("GET", "/pim/employees/3"), "18-get-employee");
        replay(api("GET", "/pim/employees/3/job-details"), "19-get-job-details");
        replay(list("/pim/employees/3/supervisors"), "20-list-supervisors");
        replay(list("/admin/users"), "written/users");
        assertThat(hcm.employee("3"))
                .contains(new Employee(
                        "3",
                        "linus.torvalds",
                        "Linus",
                        "Torvalds",
                        null,
                        "1",
                        "Site Reliability Engineer",
                        "3",
                        "Platform Team",
                        "2"));
    }

    @Test
    void unknownEmployeesAreEmptyNotErrors() {
        replay(api("GET", "/pim/employees/42"), "written/not-found");
        assertThat(hcm.employee("42")).isEmpty();
        assertThat(hcm.employee("not-a-number")).isEmpty();
        wm.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void employeeByUsernameComparesExactly() {
        replay(list("/admin/users").withQueryParam("username", equalTo("linus.torvalds")), "written/users-linus");
        replay(list("/admin/users").withQueryParam("username", equalTo("linus")), "written/users-linus");
        replay(list("/admin/users").withQueryParam("username", absent()), "written/users");
        replay(api("GET", "/pim/employees/3"), "18-get-employee");
        replay(api("GET", "/pim/employees/3/job-details"), "19-get-job-details");
        replay(list("/pim/employees/3/supervisors"), "20-list-supervisors");
        assertThat(hcm.employeeByUsername("linus.torvalds"))
                .map(Employee::employeeId)
                .contains("3");
        assertThat(hcm.employeeByUsername("linus")).isEmpty(); // a loose match on OrangeHRM's side is not this user
    }

    /** meta is [] when empty and an object otherwise; both read. */
    @Test
    void envelopeMetaIsAnEmptyArrayOrAnObject() {
        EmployeeEnvelope single = OrangeHrmJson.MAPPER.readValue(
                recorded("18-get-employee").get("response").get("body").toString(), EmployeeEnvelope.class);
        assertThat(single.getMeta()).isNull();
        assertThat(single.getData().getEmpNumber()).isEqualTo(3L);
        EmployeeListEnvelope list = OrangeHrmJson.MAPPER.readValue(
                recorded("17-list-employees").get("response").get("body").toString(), EmployeeListEnvelope.class);
        assertThat(list.getMeta().getTotal()).isEqualTo(3);
    }

    @Test
    void jobTitlesAreRead() {
        replay(list("/admin/job-titles"), "23-list-job-titles");
        assertThat(connector.hcm()).isNotNull();
        assertThat(new OrangeHrmCalls(connector.camel().createProducerTemplate()).jobTitles())
                .extracting(t -> t.getTitle())
                .containsExactly("Engineering Manager", "Site Reliability Engineer");
    }
}
