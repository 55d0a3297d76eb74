package io.trainflow.workflows.needs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.Role;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.hcm.Skill;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import io.trainflow.workflows.profile.Profile;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@TaskType(value = "analyse-needs", name = "Analyse skill gaps",
        description = "Compares the skills the learner's role requires with the learner's skill levels and lists"
                + " every gap, largest first. A job title without a Trainflow role has no gaps.")
public final class AnalyseNeedsHandler implements StepHandler<AnalyseNeedsHandler.Input, AnalyseNeedsHandler.Output> {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(@Doc(value = "The learner", feel = "=profile") Profile profile) {
    }

    public record Output(
            @Doc("Skills below the role's requirement, largest gap first") List<Gap> gaps,
            @Doc("Number of gaps; 0 means no training need") int gapCount) {
    }

    private final CataloguePort catalogue;
    private final HcmPort hcm;

    public AnalyseNeedsHandler(CataloguePort catalogue, HcmPort hcm) {
        this.catalogue = catalogue;
        this.hcm = hcm;
    }

    @Override
    public Output handle(Input input) {
        Profile profile = input.profile();
        Role role = profile == null || profile.roleId() == null ? null : catalogue.role(profile.roleId()).orElse(null);
        if (role == null) {
            return new Output(List.of(), 0);
        }
        Map<String, String> names = hcm.skills().stream().collect(Collectors.toMap(Skill::id, Skill::name, (a, b) -> a));
        List<Gap> gaps = role.requiredSkills().entrySet().stream()
                .map(req -> {
                    int current = profile.skills().getOrDefault(req.getKey(), 0);
                    return new Gap(req.getKey(), names.getOrDefault(req.getKey(), req.getKey()), req.getValue(), current,
                            req.getValue() - current);
                })
                .filter(g -> g.gap() > 0)
                .sorted(Comparator.comparingInt(Gap::gap).reversed().thenComparing(Gap::skillId))
                .toList();
        return new Output(gaps, gaps.size());
    }
}
