package io.trainflow.workflows.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.workflows.api.Doc;

/** A course the learner is or was enrolled in. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CourseHistoryEntry(
        @Doc("LMS course id") String courseId,

        @Doc("Whether the LMS counts the course as completed")
        boolean completed,

        @Doc(value = "Course grade in percent 0..100; null when not graded", optional = true)
        Double grade) {}
