package io.trainflow.workflows.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.workflows.Sample;
import io.trainflow.workflows.api.BusinessError;
import org.junit.jupiter.api.Test;

class LoadProfileHandlerTest {

    final Sample sample = new Sample();
    final LoadProfileHandler handler =
            new LoadProfileHandler(sample.ports.hcm(), sample.ports.lms(), sample.ports.catalogue());

    @Test
    void profileBringsTogetherJobManagersSkillsReviewAndHistory() throws BusinessError {
        LoadProfileHandler.Output out = handler.handle(new LoadProfileHandler.Input("1008"));

        Profile p = out.profile();
        assertThat(p.username()).isEqualTo("lea.fournier");
        assertThat(p.displayName()).isEqualTo("Lea Fournier");
        assertThat(p.jobTitle()).isEqualTo("Software Engineer");
        assertThat(p.roleId()).isEqualTo("software-engineer");
        assertThat(p.department()).isEqualTo("engineering");
        assertThat(p.managerUsername()).isEqualTo("sophie.laurent");
        assertThat(p.managerChain()).containsExactly("sophie.laurent", "marc.bernard", "claire.dubois");
        assertThat(p.skills()).containsEntry("java", 2).containsEntry("sql", 2);
        assertThat(p.lastReviewRating()).isEqualTo(70.0);
        assertThat(out.courseHistory()).extracting(CourseHistoryEntry::courseId).contains("101", "104", "121");
        assertThat(out.courseHistory())
                .filteredOn(h -> h.courseId().equals("104"))
                .singleElement()
                .satisfies(h -> assertThat(h.grade()).isEqualTo(64.0));
    }

    @Test
    void aNewHireHasNoManagerNoReviewAndNoHistory() throws BusinessError {
        LoadProfileHandler.Output out = handler.handle(new LoadProfileHandler.Input("1023"));

        assertThat(out.profile().managerUsername()).isNull();
        assertThat(out.profile().managerChain()).isEmpty();
        assertThat(out.profile().lastReviewRating()).isNull();
        assertThat(out.courseHistory()).isEmpty();
    }

    @Test
    void unknownEmployeeIsABusinessError() {
        assertThatThrownBy(() -> handler.handle(new LoadProfileHandler.Input("9999")))
                .isInstanceOfSatisfying(
                        BusinessError.class, e -> assertThat(e.code()).isEqualTo("EMPLOYEE_NOT_FOUND"));
    }

    @Test
    void aManagerChangeInTheHcmShowsInTheNextProfile() throws BusinessError {
        sample.org.changeSupervisor("1004", "marc.bernard");

        assertThat(handler.handle(new LoadProfileHandler.Input("1004"))
                        .profile()
                        .managerChain())
                .containsExactly("marc.bernard", "claire.dubois");
    }
}
