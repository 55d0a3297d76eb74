package io.trainflow.connectors.hcm;

/**
 * A skill recorded for an employee. HCMs such as OrangeHRM hold only years of experience and a
 * free-text comment, no proficiency; {@link SkillLevels} derives the level Trainflow needs.
 */
public record EmployeeSkill(String skillId, String skillName, Integer yearsOfExperience, String comments) {}
