package io.trainflow.connectors.orangehrm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.error.PortBusinessException;
import io.trainflow.connectors.hcm.CatalogueIdsHcm;
import io.trainflow.connectors.hcm.EmployeeSkill;
import io.trainflow.connectors.hcm.HcmNameAliases;
import io.trainflow.connectors.hcm.Skill;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: OrangeHRM's "Coaching" at 4/5 was ignored against the catalogue's "Coaching and Feedback" (a needless
 * course proposed), and write-back created "Coaching and Feedback" next to it. Names match exactly
 * (case-insensitive) or through the administrator's alias table; a near-duplicate is never created.
 */
class CatalogueSkillNamesTest extends OrangeHrmWireMockBase {

    private static final List<Skill> CATALOGUE =
            List.of(new Skill("coaching", "Coaching and Feedback", null), new Skill("python", "Python", null));

    @BeforeEach
    void orangeHrmCallsItCoaching() {
        // the recorded skill list (08) with the organisation's "Coaching" added, in the same shape
        wm.stubFor(list("/admin/skills")
                .willReturn(okJson("{\"data\":[{\"id\":2,\"name\":\"Python\",\"description\":"
                        + "\"Programming language\"},{\"id\":4,\"name\":\"Coaching\",\"description\":\"\"}],\"meta\":{\"total\":2},"
                        + "\"rels\":[]}")));
        wm.stubFor(list("/pim/employees/3/skills")
                .willReturn(okJson("{\"data\":[{\"yearsOfExperience\":5,\"comments\":"
                        + "\"proficiency=4/5\",\"skill\":{\"id\":4,\"name\":\"Coaching\",\"description\":\"\"}}],"
                        + "\"meta\":{\"empNumber\":3,\"total\":1},\"rels\":[]}")));
    }

    private CatalogueIdsHcm seen(HcmNameAliases aliases) {
        return new CatalogueIdsHcm(hcm, CATALOGUE, Map.of(), List.of(), aliases);
    }

    @Test
    void anAliasMakesTheHcmsNameTheCatalogueSkill() {
        CatalogueIdsHcm seen = seen(new HcmNameAliases(Map.of("coaching", List.of("Coaching")), Map.of()));

        assertThat(seen.skills("3"))
                .singleElement()
                .satisfies(s -> assertThat(s.skillId()).isEqualTo("coaching"));
        assertThat(seen.unmatchedSkills()).isEmpty();
    }

    @Test
    void withAnAliasWriteBackRaisesTheHcmsOwnSkill() {
        wm.stubFor(api("PUT", "/pim/employees/3/skills/4").willReturn(answer("26-update-employee-skill")));

        seen(new HcmNameAliases(Map.of("coaching", List.of("coaching")), Map.of()))
                .saveSkill("3", new EmployeeSkill("coaching", "Coaching and Feedback", 5, "proficiency=5/5"));

        wm.verify(1, putRequestedFor(urlPathEqualTo(API + "/pim/employees/3/skills/4")));
        wm.verify(0, postRequestedFor(urlPathEqualTo(API + "/admin/skills")));
    }

    @Test
    void withoutAnAliasANearDuplicateIsNeverCreated() {
        CatalogueIdsHcm seen = seen(HcmNameAliases.none());

        assertThat(seen.unmatchedSkills()).as("check-connections lists it").containsExactly("Coaching");
        assertThatThrownBy(() -> seen.saveSkill("3", new EmployeeSkill("coaching", "Coaching and Feedback", 5, null)))
                .isInstanceOfSatisfying(PortBusinessException.class, e -> {
                    assertThat(e.isConfiguration()).isTrue();
                    assertThat(e.getMessage()).contains("'Coaching'", "aliases.skills.coaching");
                });
        wm.verify(0, postRequestedFor(anyUrl()));
        wm.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void namesMatchExactlyIgnoringCaseNotBySimilarity() {
        CatalogueIdsHcm seen = seen(HcmNameAliases.none());
        assertThat(seen.skills()).extracting(Skill::id).containsExactly("python", "4");
    }
}
