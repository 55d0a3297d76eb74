package io.trainflow.connectors.catalogue;

import java.util.List;

/**
 * What an HCM calls a catalogue skill, job title or department: the catalogue's own name and the administrator's
 * other names for it (an HCM's "SRE" for the catalogue's "Site Reliability Engineer"). Matched exactly,
 * case-insensitively, never by similarity.
 *
 * @param kind        {@link #SKILL}, {@link #JOB_TITLE} or {@link #DEPARTMENT}
 * @param catalogueId the id courses, roles and budgets use
 * @param name        the catalogue's own name; null when only other names are known (the sample's {@code aliases})
 */
public record HcmName(String kind, String catalogueId, String name, List<String> aliases) {

    public static final String SKILL = "skill";
    public static final String JOB_TITLE = "job-title";
    public static final String DEPARTMENT = "department";
    public static final List<String> KINDS = List.of(SKILL, JOB_TITLE, DEPARTMENT);

    public HcmName {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
