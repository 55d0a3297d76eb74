package io.trainflow.connectors.catalogue;

import java.util.List;
import java.util.Map;

/**
 * A role and the skills it requires.
 *
 * @param jobTitleIds    HCM job titles that hold this role
 * @param requiredSkills skill id to required level 1..5
 */
public record Role(String roleId, String title, List<String> jobTitleIds, Map<String, Integer> requiredSkills) {

    public Role {
        jobTitleIds = jobTitleIds == null ? List.of() : List.copyOf(jobTitleIds);
        requiredSkills = requiredSkills == null ? Map.of() : Map.copyOf(requiredSkills);
    }
}
