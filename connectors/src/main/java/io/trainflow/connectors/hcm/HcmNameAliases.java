package io.trainflow.connectors.hcm;

import java.util.List;
import java.util.Map;

/**
 * The administrator's table of other names an HCM uses for the catalogue's skills and job titles
 * ({@code aliases} in the catalogue): catalogue id to HCM names, e.g. {@code coaching-feedback: ["Coaching"]}.
 * Matching is by exact name, case-insensitive, then by this table; nothing is matched by similarity, so an
 * HCM's "Coaching" is the catalogue's "Coaching and Feedback" only when the table says so.
 */
public record HcmNameAliases(Map<String, List<String>> skills, Map<String, List<String>> jobTitles) {

    public HcmNameAliases {
        skills = skills == null ? Map.of() : Map.copyOf(skills);
        jobTitles = jobTitles == null ? Map.of() : Map.copyOf(jobTitles);
    }

    public static HcmNameAliases none() {
        return new HcmNameAliases(Map.of(), Map.of());
    }
}
