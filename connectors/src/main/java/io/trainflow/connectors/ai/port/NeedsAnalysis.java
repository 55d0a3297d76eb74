package io.trainflow.connectors.ai.port;

import io.trainflow.connectors.ai.SkillNeed;
import java.util.List;

/**
 * The skill gaps of one learner, in the order to work on them, with a sentence for the people who read it.
 * Every gap is one of the role's requirements the learner is below; an engine may re-order and explain
 * them, never add or drop one.
 */
public record NeedsAnalysis(List<SkillNeed> gaps, String explanation) {}
