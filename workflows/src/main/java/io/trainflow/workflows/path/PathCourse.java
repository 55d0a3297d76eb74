package io.trainflow.workflows.path;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.workflows.api.Doc;

/** One course of the learning path. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PathCourse(
        @Doc("LMS course id") String courseId,
        @Doc("LMS course short name") String shortname,
        @Doc("Course title") String title,

        @Doc(value = "Skill gap the course closes; null for a requested course that matches no gap", optional = true)
        String skillId,

        @Doc("How well the course matches the skill, 0..1") double similarity,
        @Doc("Cost per learner (EUR)") double cost,
        @Doc("Why the course was chosen, for the approver") String reason,

        @Doc(
                value =
                        "The gap it closes as the approver reads it, e.g. \"SQL: level 1, role needs 3\"; null when none",
                optional = true)
        String gap) {}
