package io.trainflow.connectors.orangehrm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.trainflow.connectors.hcm.EmployeeSkill;
import io.trainflow.connectors.hcm.Skill;
import io.trainflow.connectors.hcm.SkillLevels;
import io.trainflow.connectors.orangehrm.error.OrangeHrmBusinessException;
import org.junit.jupiter.api.Test;

/** Skills: no proficiency field in OrangeHRM; the level travels in the comment and comes back unchanged. */
class OrangeHrmSkillsTest extends OrangeHrmWireMockBase {

    @Test
    void organisationSkills() {
        replay(list("/admin/skills"), "08-list-skills");
        assertThat(hcm.skills())
                .containsExactly(
                        new Skill("3", "Incident Management", "On-call and postmortems"),
                        new Skill("1", "Kubernetes", "Container orchestration"),
                        new Skill("2", "Python", "Programming language"));
    }

    @Test
    void employeeSkillsCarryTheirLevelInTheComment() {
        replay(list("/pim/employees/3/skills"), "27-list-employee-skills");
        assertThat(hcm.skills("3"))
                .containsExactly(
                        new EmployeeSkill("1", "Kubernetes", 4, "proficiency=4/5; after CKA course"),
                        new EmployeeSkill("2", "Python", 6, "proficiency=4/5"));
        assertThat(hcm.skills("3")).extracting(SkillLevels::level).containsExactly(4, 4);
    }

    @Test
    void aNewSkillIsAddedWithItsLevel() {
        replay(list("/pim/employees/3/skills"), "written/empty-employee-list");
        replay(api("POST", "/pim/employees/3/skills"), "24-add-employee-skill");
        hcm.saveSkill("3", new EmployeeSkill("1", "Kubernetes", 3, "proficiency=3/5; assessed 2026-Q3"));
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(API + "/pim/employees/3/skills"))
                        .withRequestBody(equalToJson(sent("24-add-employee-skill"))));
    }

    /** Raising the level after a course: the same PUT OrangeHRM's UI sends (fixture 26), read back at level 4. */
    @Test
    void aHeldSkillIsUpdatedAndTheLevelRoundTrips() {
        wm.stubFor(list("/pim/employees/3/skills")
                .inScenario("skill")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        okJson("{\"data\":[{\"yearsOfExperience\":3,\"comments\":\"proficiency=3/5; assessed 2026-Q3\","
                                + "\"skill\":{\"id\":1,\"name\":\"Kubernetes\",\"description\":\"Container orchestration\"}}],"
                                + "\"meta\":{\"empNumber\":3,\"total\":1},\"rels\":[]}")));
        wm.stubFor(api("PUT", "/pim/employees/3/skills/1")
                .inScenario("skill")
                .willReturn(answer("26-update-employee-skill"))
                .willSetStateTo("updated"));
        wm.stubFor(list("/pim/employees/3/skills")
                .inScenario("skill")
                .whenScenarioStateIs("updated")
                .willReturn(answer("27-list-employee-skills")));

        EmployeeSkill held = hcm.skills("3").get(0);
        assertThat(SkillLevels.level(held)).isEqualTo(3);
        EmployeeSkill raised =
                SkillLevels.withLevel(new EmployeeSkill("1", "Kubernetes", 4, null), 4, "after CKA course");
        hcm.saveSkill("3", raised);

        wm.verify(
                1,
                putRequestedFor(urlPathEqualTo(API + "/pim/employees/3/skills/1"))
                        .withRequestBody(equalToJson(sent("26-update-employee-skill"))));
        assertThat(hcm.skills("3").get(0)).isEqualTo(raised);
        assertThat(SkillLevels.level(hcm.skills("3").get(0))).isEqualTo(4);
    }

    @Test
    void savingTheSameSkillAgainWritesNothing() {
        replay(list("/pim/employees/3/skills"), "27-list-employee-skills");
        hcm.saveSkill("3", new EmployeeSkill("2", "Python", 6, "proficiency=4/5"));
        wm.verify(0, postRequestedFor(anyUrl()));
        wm.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void aSkillNamedButNotIdentifiedIsLookedUp() {
        replay(list("/admin/skills"), "08-list-skills");
        replay(list("/pim/employees/3/skills"), "written/empty-employee-list");
        replay(api("POST", "/pim/employees/3/skills"), "24-add-employee-skill");
        hcm.saveSkill("3", new EmployeeSkill("kubernetes", "Kubernetes", 3, "proficiency=3/5; assessed 2026-Q3"));
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(API + "/pim/employees/3/skills"))
                        .withRequestBody(equalToJson(sent("24-add-employee-skill"))));
        wm.verify(0, postRequestedFor(urlPathEqualTo(API + "/admin/skills")));
    }

    /**
     * A course teaching a skill the organisation does not list yet: the skill is created in OrangeHRM's
     * list (as fixture 05 does), then added to the employee; saving it again creates and adds nothing.
     */
    @Test
    void aSkillOrangeHrmLacksIsCreatedFirstAndOnlyOnce() {
        wm.stubFor(list("/admin/skills")
                .inScenario("org")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(skillsWithoutKubernetes())));
        wm.stubFor(api("POST", "/admin/skills")
                .inScenario("org")
                .willReturn(answer("05-create-skill-kubernetes"))
                .willSetStateTo("created"));
        wm.stubFor(list("/admin/skills")
                .inScenario("org")
                .whenScenarioStateIs("created")
                .willReturn(answer("08-list-skills")));
        wm.stubFor(list("/pim/employees/3/skills")
                .inScenario("emp")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer("written/empty-employee-list")));
        wm.stubFor(api("POST", "/pim/employees/3/skills")
                .inScenario("emp")
                .willReturn(answer("24-add-employee-skill"))
                .willSetStateTo("added"));
        wm.stubFor(list("/pim/employees/3/skills")
                .inScenario("emp")
                .whenScenarioStateIs("added")
                .willReturn(okJson("{\"data\":["
                        + JSON.writeValueAsString(recorded("24-add-employee-skill")
                                .get("response")
                                .get("body")
                                .get("data"))
                        + "],\"meta\":{\"empNumber\":3,\"total\":1},\"rels\":[]}")));

        EmployeeSkill learnt = new EmployeeSkill("kubernetes", "Kubernetes", 3, "proficiency=3/5; assessed 2026-Q3");
        hcm.saveSkill("3", learnt);
        hcm.saveSkill("3", learnt);

        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(API + "/admin/skills"))
                        .withRequestBody(matchingJsonPath("$.name", equalTo("Kubernetes"))));
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(API + "/pim/employees/3/skills"))
                        .withRequestBody(equalToJson(sent("24-add-employee-skill"))));
        wm.verify(0, putRequestedFor(anyUrl()));
        assertThat(hcm.skills("3"))
                .containsExactly(new EmployeeSkill("1", "Kubernetes", 3, "proficiency=3/5; assessed 2026-Q3"));
    }

    /** Someone else created the skill between our check and our write: OrangeHRM refuses the name; theirs is used. */
    @Test
    void aSkillCreatedMeanwhileIsUsedNotDuplicated() {
        wm.stubFor(list("/admin/skills")
                .inScenario("org")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(skillsWithoutKubernetes())));
        wm.stubFor(api("POST", "/admin/skills")
                .inScenario("org")
                .willReturn(answer("written/invalid-license-name"))
                .willSetStateTo("taken")); // the 422 of any name taken
        wm.stubFor(list("/admin/skills")
                .inScenario("org")
                .whenScenarioStateIs("taken")
                .willReturn(answer("08-list-skills")));
        replay(list("/pim/employees/3/skills"), "written/empty-employee-list");
        replay(api("POST", "/pim/employees/3/skills"), "24-add-employee-skill");

        hcm.saveSkill("3", new EmployeeSkill("kubernetes", "Kubernetes", 3, "proficiency=3/5; assessed 2026-Q3"));

        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "/admin/skills")));
        wm.verify(
                1,
                postRequestedFor(urlPathEqualTo(API + "/pim/employees/3/skills"))
                        .withRequestBody(equalToJson(sent("24-add-employee-skill"))));
    }

    @Test
    void aRefusedFieldIsNamedAndNotRetried() {
        replay(list("/pim/employees/3/skills"), "written/empty-employee-list");
        replay(api("POST", "/pim/employees/3/skills"), "written/invalid-skill");
        assertThatThrownBy(() -> hcm.saveSkill("3", new EmployeeSkill("1", "Kubernetes", 3, null)))
                .isInstanceOfSatisfying(OrangeHrmBusinessException.InvalidParameter.class, e -> {
                    assertThat(e.field()).isEqualTo("skillId");
                    assertThat(e.getMessage()).contains("POST /api/v2/pim/employees/3/skills", "HTTP 422", "skillId");
                    assertThat(e.bpmnErrorCode()).isEqualTo("ORANGEHRM_INVALID_PARAMETER");
                });
        wm.verify(1, postRequestedFor(anyUrl()));
    }

    @Test
    void aMissingRoleIsAPermissionError() {
        replay(list("/admin/skills"), "written/forbidden");
        assertThatThrownBy(hcm::skills)
                .isInstanceOf(OrangeHrmBusinessException.MissingPermission.class)
                .hasMessageContaining("GET /api/v2/admin/skills")
                .hasMessageContaining("403");
    }

    /** The recorded skill list before Kubernetes was created (fixture 08 without it). */
    private static String skillsWithoutKubernetes() {
        return JSON.writeValueAsString(
                        recorded("08-list-skills").get("response").get("body"))
                .replace("{\"id\":1,\"name\":\"Kubernetes\",\"description\":\"Container orchestration\"},", "");
    }
}
