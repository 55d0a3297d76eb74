package io.trainflow.workflows.needs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.workflows.api.Doc;

/** A skill the learner's role requires at a higher level than they have. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Gap(
        @Doc("HCM skill id") String skillId,
        @Doc("Skill name") String skillName,
        @Doc("Level the role requires, 1..5") int requiredLevel,

        @Doc("The learner's level, 0 when the skill is not recorded")
        int currentLevel,

        @Doc("requiredLevel - currentLevel, at least 1") int gap) {}
