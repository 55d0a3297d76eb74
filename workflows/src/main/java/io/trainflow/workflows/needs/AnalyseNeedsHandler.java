package io.trainflow.workflows.needs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.SkillNeed;
import io.trainflow.connectors.ai.port.NeedsAnalysis;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.Role;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.hcm.Skill;
import io.trainflow.workflows.ai.AiTrace;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.RecordedOutput;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.profile.Profile;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@RecordedOutput
@TaskType(
        value = "analyse-needs",
        name = "Analyse skill gaps",
        description = "Compares the skills the learner's role requires with the learner's skill levels and lists"
                + " every gap, largest first (the deterministic rule), through the AI port: the offline engine adds a sentence"
                + " naming them; an external model may only re-order and explain the gaps, never add or drop a skill."
                + " A job title without a Trainflow role has no gaps.")
public final class AnalyseNeedsHandler implements StepHandler<AnalyseNeedsHandler.Input, AnalyseNeedsHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "The learner", feel = "=profile") @NotNull
            Profile profile) {}

    public record Output(
            @Doc("Skills below the role's requirement, largest gap first")
            List<Gap> gaps,

            @Doc("Number of gaps; 0 means no training need") int gapCount,

            @Doc(value = "Why these gaps in this order, for the manager (AI draft)", optional = true)
            String needsExplanation,

            @Doc(value = "Provenance of the needs analysis; null when the job title has no role", optional = true)
            AiTrace needsProvenance) {}

    private final CataloguePort catalogue;
    private final HcmPort hcm;
    private final AiPort ai;

    public AnalyseNeedsHandler(CataloguePort catalogue, HcmPort hcm, AiPort ai) {
        this.catalogue = catalogue;
        this.hcm = hcm;
        this.ai = ai;
    }

    @Override
    public Output handle(Input input) {
        Profile profile = input.profile();
        // a job title without a Trainflow role has no gaps (a rule, not a missing input)
        Role role = profile.roleId() == null
                ? null
                : catalogue.role(profile.roleId()).orElse(null);
        if (role == null) {
            return new Output(List.of(), 0, null, null);
        }
        Map<String, Skill> skills = hcm.skills().stream().collect(Collectors.toMap(Skill::id, s -> s, (a, b) -> a));
        List<SkillNeed> requirements = role.requiredSkills().entrySet().stream()
                .map(req -> {
                    Skill skill = skills.get(req.getKey());
                    return new SkillNeed(
                            req.getKey(),
                            skill == null ? req.getKey() : skill.name(),
                            skill == null || skill.description() == null ? "" : skill.description(),
                            req.getValue(),
                            profile.skills().getOrDefault(req.getKey(), 0));
                })
                .toList();
        AiResult<NeedsAnalysis> analysis = ai.analyseNeeds(role.title(), requirements);
        List<Gap> gaps = analysis.value().gaps().stream()
                .map(g -> new Gap(
                        g.skillId(),
                        g.skillName(),
                        g.requiredLevel(),
                        g.currentLevel(),
                        g.requiredLevel() - g.currentLevel()))
                .toList();
        return new Output(
                gaps, gaps.size(), analysis.value().explanation(), AiTrace.of("needs-analysis", analysis.provenance()));
    }
}
