package io.trainflow.connectors.catalogue;

import java.util.List;

/**
 * Trainflow's data about one LMS course.
 *
 * @param skillIds skills the course develops (HCM skill ids)
 * @param tags     keywords, matched against skill needs
 * @param cost     cost per learner in {@code currency}
 */
public record CourseOffering(String courseId, List<String> skillIds, List<String> tags, double cost, String currency) {

    public CourseOffering {
        skillIds = skillIds == null ? List.of() : List.copyOf(skillIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
