package io.trainflow.workflows.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.workflows.api.Doc;
import java.util.List;
import java.util.Map;

/** The learner as the HCM and the catalogue describe them; most steps take it as input. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Profile(
        @Doc("HCM employee id") String employeeId,
        @Doc("Username in the LMS and the task inbox") String username,
        @Doc("First and last name") String displayName,
        @Doc("Work email") String email,
        @Doc("HCM job title") String jobTitle,

        @Doc(value = "Trainflow role of the job title; null when the job title maps to no role", optional = true)
        String roleId,

        @Doc("Budget department (the catalogue's id; the HCM unit's id when no catalogue department contains it)")
        String department,

        @Doc(value = "Username of the direct manager; null when the learner has none", optional = true)
        String managerUsername,

        @Doc("Usernames of the managers above the learner, nearest first")
        List<String> managerChain,

        @Doc("Skill id to proficiency level 1..5") Map<String, Integer> skills,

        @Doc(value = "Final rating of the last performance review (HCM scale, 0..100); null when none", optional = true)
        Double lastReviewRating) {

    public Profile {
        managerChain = managerChain == null ? List.of() : managerChain;
        skills = skills == null ? Map.of() : skills;
    }
}
