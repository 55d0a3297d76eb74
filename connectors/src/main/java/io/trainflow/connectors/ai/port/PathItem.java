package io.trainflow.connectors.ai.port;

import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.SkillNeed;

/** One course chosen for one gap by the ranking, to be explained to the manager. */
public record PathItem(SkillNeed need, CourseCandidate course, double similarity) {}
