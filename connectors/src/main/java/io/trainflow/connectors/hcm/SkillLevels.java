package io.trainflow.connectors.hcm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trainflow's convention for proficiency levels 1..5 on top of an HCM that has no such field:
 * the level is written in the skill comment as {@code proficiency=N/5}; without it, the level
 * is estimated from years of experience, so every recorded skill has a level.
 */
public final class SkillLevels {

    public static final int MAX = 5;
    private static final Pattern LEVEL = Pattern.compile("proficiency\\s*=\\s*([0-5])\\s*/\\s*5");

    private SkillLevels() {}

    public static int level(EmployeeSkill skill) {
        if (skill.comments() != null) {
            Matcher m = LEVEL.matcher(skill.comments());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        int years = skill.yearsOfExperience() == null ? 0 : skill.yearsOfExperience();
        if (years >= 8) {
            return 5;
        }
        if (years >= 5) {
            return 4;
        }
        if (years >= 3) {
            return 3;
        }
        return years >= 1 ? 2 : 1;
    }

    /** The same skill at another level, keeping years and noting why (e.g. "after K8S-OPS"). */
    public static EmployeeSkill withLevel(EmployeeSkill skill, int level, String note) {
        int bounded = Math.max(0, Math.min(MAX, level));
        String comment = "proficiency=" + bounded + "/5" + (note == null || note.isBlank() ? "" : "; " + note);
        return new EmployeeSkill(skill.skillId(), skill.skillName(), skill.yearsOfExperience(), comment);
    }
}
