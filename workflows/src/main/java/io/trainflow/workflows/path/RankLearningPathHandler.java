package io.trainflow.workflows.path;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.CourseMatch;
import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.CourseOffering;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.hcm.Skill;
import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.needs.Gap;
import io.trainflow.workflows.profile.CourseHistoryEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@TaskType(value = "rank-learning-path", name = "Rank learning path",
        description = "Chooses catalogue courses for the skill gaps: courses the requester asked for first, then the"
                + " best-matching course for each gap not yet covered. Never a course outside the catalogue, never one"
                + " the learner already completed.",
        errors = {RankLearningPathHandler.NO_MATCHING_COURSE})
public final class RankLearningPathHandler
        implements StepHandler<RankLearningPathHandler.Input, RankLearningPathHandler.Output> {

    public static final String NO_MATCHING_COURSE = "NO_MATCHING_COURSE";

    /** Below this a course is not considered to teach the skill (the sample data's true matches score 0.5+). */
    static final double MIN_SIMILARITY = 0.3;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "Skill gaps, largest first", feel = "=gaps") List<Gap> gaps,
            @Doc(value = "The learner's course history", feel = "=courseHistory") List<CourseHistoryEntry> courseHistory,
            @Doc(value = "Catalogue course ids the requester asked for", optional = true, feel = "=requestedCourseIds")
            List<String> requestedCourseIds) {
    }

    public record Output(
            @Doc("Courses to take, in order") List<PathCourse> learningPath,
            @Doc("Total cost of the path (EUR)") double pathCost) {
    }

    private final LmsPort lms;
    private final CataloguePort catalogue;
    private final HcmPort hcm;
    private final AiPort ai;

    public RankLearningPathHandler(LmsPort lms, CataloguePort catalogue, HcmPort hcm, AiPort ai) {
        this.lms = lms;
        this.catalogue = catalogue;
        this.hcm = hcm;
        this.ai = ai;
    }

    @Override
    public Output handle(Input input) throws BusinessError {
        Set<String> completed = input.courseHistory() == null ? Set.of() : input.courseHistory().stream()
                .filter(CourseHistoryEntry::completed).map(CourseHistoryEntry::courseId).collect(Collectors.toSet());
        Map<String, CourseOffering> offerings = catalogue.offerings().stream()
                .collect(Collectors.toMap(CourseOffering::courseId, Function.identity(), (a, b) -> a));
        // the catalogue: courses the LMS really has and Trainflow offers, minus those already completed
        Map<String, Course> courses = new LinkedHashMap<>();
        lms.courses().stream().filter(c -> offerings.containsKey(c.id()) && !completed.contains(c.id()))
                .forEach(c -> courses.put(c.id(), c));
        List<CourseCandidate> candidates = courses.values().stream()
                .map(c -> new CourseCandidate(c.id(), c.fullname(), c.summary(), offerings.get(c.id()).tags())).toList();

        Map<String, Skill> skills = hcm.skills().stream().collect(Collectors.toMap(Skill::id, Function.identity(), (a, b) -> a));
        List<SkillNeed> needs = input.gaps() == null ? List.of() : input.gaps().stream()
                .map(g -> new SkillNeed(g.skillId(), g.skillName(),
                        Optional.ofNullable(skills.get(g.skillId())).map(Skill::description).orElse(""),
                        g.requiredLevel(), g.currentLevel()))
                .toList();
        Map<String, Map<String, Double>> similarity = new LinkedHashMap<>();
        for (SkillNeed need : needs) {
            similarity.put(need.skillId(), ai.rankCourses(need, candidates).stream()
                    .filter(m -> courses.containsKey(m.courseId()))  // never trust a ranker to stay in the catalogue
                    .collect(Collectors.toMap(CourseMatch::courseId, CourseMatch::similarity, (a, b) -> a, LinkedHashMap::new)));
        }

        List<PathCourse> path = new ArrayList<>();
        List<String> requested = input.requestedCourseIds() == null ? List.of() : input.requestedCourseIds();
        for (String id : requested.stream().distinct().toList()) {
            if (courses.containsKey(id)) {
                Optional<SkillNeed> best = needs.stream()
                        .filter(n -> similarity.get(n.skillId()).getOrDefault(id, 0.0) >= MIN_SIMILARITY)
                        .max((a, b) -> Double.compare(similarity.get(a.skillId()).get(id), similarity.get(b.skillId()).get(id)));
                path.add(entry(courses.get(id), offerings.get(id), best.orElse(null),
                        best.map(n -> similarity.get(n.skillId()).get(id)).orElse(0.0), true));
            }
        }
        for (SkillNeed need : needs) {
            Map<String, Double> ranked = similarity.get(need.skillId());
            boolean covered = path.stream().anyMatch(p -> ranked.getOrDefault(p.courseId(), 0.0) >= MIN_SIMILARITY);
            if (covered) {
                continue;
            }
            ranked.entrySet().stream()
                    .filter(m -> m.getValue() >= MIN_SIMILARITY)
                    .findFirst()
                    .ifPresent(m -> path.add(entry(courses.get(m.getKey()), offerings.get(m.getKey()), need, m.getValue(), false)));
        }
        if (path.isEmpty()) {
            throw new BusinessError(NO_MATCHING_COURSE, "No catalogue course matches the skill gaps or the requested courses");
        }
        double cost = path.stream().mapToDouble(PathCourse::cost).sum();
        return new Output(path, Math.round(cost * 100) / 100.0);
    }

    private PathCourse entry(Course course, CourseOffering offering, SkillNeed need, double similarity, boolean requested) {
        CourseCandidate candidate = new CourseCandidate(course.id(), course.fullname(), course.summary(), offering.tags());
        String why = need == null ? "Not linked to a skill gap of the role." : ai.explainMatch(need, candidate, similarity);
        return new PathCourse(course.id(), course.shortname(), course.fullname(), need == null ? null : need.skillId(),
                similarity, offering.cost(), requested ? "Requested. " + why : why);
    }
}
