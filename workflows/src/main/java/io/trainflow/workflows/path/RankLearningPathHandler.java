package io.trainflow.workflows.path;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.CourseCandidate;
import io.trainflow.connectors.ai.CourseMatch;
import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.port.Learner;
import io.trainflow.connectors.ai.port.PathItem;
import io.trainflow.connectors.ai.port.PathReason;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.CourseOffering;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.hcm.Skill;
import io.trainflow.connectors.lms.Course;
import io.trainflow.connectors.lms.LmsPort;
import io.trainflow.workflows.ai.AiTrace;
import io.trainflow.workflows.api.BusinessError;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.RecordedOutput;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.needs.Gap;
import io.trainflow.workflows.profile.CourseHistoryEntry;
import io.trainflow.workflows.profile.Profile;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@RecordedOutput
@TaskType(
        value = "rank-learning-path",
        name = "Rank learning path",
        description = "Chooses catalogue courses for the skill gaps: courses the requester asked for first, then the"
                + " best-matching course for each gap not yet covered. Never a course outside the catalogue, never one"
                + " the learner already completed. The AI ranks and explains; the manager decides. The justification is"
                + " quoted to the AI as data and never changes the choice.",
        errors = {RankLearningPathHandler.NO_MATCHING_COURSE})
public final class RankLearningPathHandler
        implements StepHandler<RankLearningPathHandler.Input, RankLearningPathHandler.Output> {

    public static final String NO_MATCHING_COURSE = "NO_MATCHING_COURSE";

    /** Below this a course is not considered to teach the skill (the sample data's true matches score 0.5+). */
    static final double MIN_SIMILARITY = 0.3;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "Skill gaps, largest first", feel = "=gaps") @NotNull
            List<Gap> gaps,

            @Doc(value = "The learner's course history", feel = "=courseHistory") @NotNull
            List<CourseHistoryEntry> courseHistory,

            @Doc(value = "Catalogue course ids the requester asked for", optional = true, feel = "=requestedCourseIds")
            List<String> requestedCourseIds,

            @Doc(
                    value = "The learner, for the explanation (pseudonymised before any external model)",
                    optional = true,
                    feel = "=profile")
            Profile profile,

            @Doc(
                    value = "Why the learner asked, as typed: data, never instructions",
                    optional = true,
                    feel = "=justification")
            String justification) {}

    public record Output(
            @Doc("Courses to take, in order") List<PathCourse> learningPath,
            @Doc("Total cost of the path (EUR)") double pathCost,

            @Doc("Provenance of the ranking and of the explanations")
            List<AiTrace> learningPathProvenance) {}

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
        // completed, or in progress: a learner enrolled through another request (e.g. their own, before a campaign
        // reached them) is not enrolled, told and recorded a second time (issue 10)
        Set<String> completed =
                input.courseHistory().stream().map(CourseHistoryEntry::courseId).collect(Collectors.toSet());
        Map<String, CourseOffering> offerings = catalogue.offerings().stream()
                .collect(Collectors.toMap(CourseOffering::courseId, Function.identity(), (a, b) -> a));
        // the catalogue: courses the LMS really has and Trainflow offers, minus those already taken or in progress
        Map<String, Course> courses = new LinkedHashMap<>();
        lms.courses().stream()
                .filter(c -> offerings.containsKey(c.id()) && !completed.contains(c.id()))
                .forEach(c -> courses.put(c.id(), c));
        List<CourseCandidate> candidates = courses.values().stream()
                .map(c -> new CourseCandidate(
                        c.id(), c.fullname(), c.summary(), offerings.get(c.id()).tags()))
                .toList();

        Map<String, Skill> skills =
                hcm.skills().stream().collect(Collectors.toMap(Skill::id, Function.identity(), (a, b) -> a));
        List<SkillNeed> needs = input.gaps().stream()
                .map(g -> new SkillNeed(
                        g.skillId(),
                        g.skillName(),
                        Optional.ofNullable(skills.get(g.skillId()))
                                .map(Skill::description)
                                .orElse(""),
                        g.requiredLevel(),
                        g.currentLevel()))
                .toList();
        Map<String, Map<String, Double>> similarity = new LinkedHashMap<>();
        List<AiTrace> provenance = new ArrayList<>();
        for (SkillNeed need : needs) {
            AiResult<List<CourseMatch>> ranked = ai.rankCourses(need, candidates);
            provenance.add(AiTrace.of("ranking:" + need.skillId(), ranked.provenance()));
            similarity.put(
                    need.skillId(),
                    ranked.value().stream()
                            .filter(m ->
                                    courses.containsKey(m.courseId())) // never trust a ranker to stay in the catalogue
                            .collect(Collectors.toMap(
                                    CourseMatch::courseId, CourseMatch::similarity, (a, b) -> a, LinkedHashMap::new)));
        }

        List<Choice> path = new ArrayList<>();
        List<String> requested = input.requestedCourseIds() == null ? List.of() : input.requestedCourseIds();
        for (String id : requested.stream().distinct().toList()) {
            if (courses.containsKey(id)) {
                Optional<SkillNeed> best = needs.stream()
                        .filter(n -> similarity.get(n.skillId()).getOrDefault(id, 0.0) >= MIN_SIMILARITY)
                        .max((a, b) -> Double.compare(
                                similarity.get(a.skillId()).get(id),
                                similarity.get(b.skillId()).get(id)));
                path.add(new Choice(
                        candidate(courses.get(id), offerings.get(id)),
                        best.orElse(null),
                        best.map(n -> similarity.get(n.skillId()).get(id)).orElse(0.0),
                        true));
            }
        }
        for (SkillNeed need : needs) {
            Map<String, Double> ranked = similarity.get(need.skillId());
            boolean covered =
                    path.stream().anyMatch(p -> ranked.getOrDefault(p.course().courseId(), 0.0) >= MIN_SIMILARITY);
            if (covered) {
                continue;
            }
            ranked.entrySet().stream()
                    .filter(m -> m.getValue() >= MIN_SIMILARITY)
                    .findFirst()
                    .ifPresent(m -> path.add(new Choice(
                            candidate(courses.get(m.getKey()), offerings.get(m.getKey())), need, m.getValue(), false)));
        }
        if (path.isEmpty()) {
            throw new BusinessError(
                    NO_MATCHING_COURSE, "No catalogue course matches the skill gaps or the requested courses");
        }
        List<PathItem> explained = path.stream()
                .filter(c -> c.need() != null)
                .map(c -> new PathItem(c.need(), c.course(), c.similarity()))
                .toList();
        AiResult<List<PathReason>> reasons = ai.explainPath(learner(input), explained);
        provenance.add(AiTrace.of("path-explanations", reasons.provenance()));
        List<PathCourse> learningPath = path.stream()
                .map(c -> entry(
                        c,
                        courses.get(c.course().courseId()),
                        offerings.get(c.course().courseId()),
                        reasons.value()))
                .toList();
        double cost = learningPath.stream().mapToDouble(PathCourse::cost).sum();
        return new Output(learningPath, Math.round(cost * 100) / 100.0, provenance);
    }

    /** A course chosen for a gap (or requested), before it is explained. */
    private record Choice(CourseCandidate course, SkillNeed need, double similarity, boolean requested) {}

    private static CourseCandidate candidate(Course course, CourseOffering offering) {
        return new CourseCandidate(course.id(), course.fullname(), course.summary(), offering.tags());
    }

    private static Learner learner(Input input) {
        Profile p = input.profile();
        return p == null
                ? null
                : new Learner(
                        p.employeeId(),
                        p.username(),
                        p.displayName(),
                        null,
                        p.email(),
                        p.managerUsername(),
                        input.justification());
    }

    private PathCourse entry(Choice c, Course course, CourseOffering offering, List<PathReason> reasons) {
        SkillNeed need = c.need();
        String why = need == null
                ? "Not linked to a skill gap of the role."
                : reasons.stream()
                        .filter(r ->
                                r.courseId().equals(course.id()) && r.skillId().equals(need.skillId()))
                        .map(PathReason::explanation)
                        .findFirst()
                        .orElseThrow(() ->
                                new IllegalStateException("the AI port left course " + course.id() + " unexplained"));
        String gap = need == null
                ? null
                : String.format(
                        Locale.ROOT,
                        "%s: level %d, role needs %d",
                        need.skillName(),
                        need.currentLevel(),
                        need.requiredLevel());
        return new PathCourse(
                course.id(),
                course.shortname(),
                course.fullname(),
                need == null ? null : need.skillId(),
                c.similarity(),
                offering.cost(),
                c.requested() ? "Requested. " + why : why,
                gap);
    }
}
