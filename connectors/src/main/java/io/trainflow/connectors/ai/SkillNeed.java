package io.trainflow.connectors.ai;

/** A skill to develop: what the role requires against what the learner has. */
public record SkillNeed(String skillId, String skillName, String description, int requiredLevel, int currentLevel) {}
