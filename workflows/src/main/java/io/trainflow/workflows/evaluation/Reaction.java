package io.trainflow.workflows.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.workflows.api.Doc;
import java.util.List;

/** Kirkpatrick level 1: what the learner thought of the training. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reaction(
        @Doc("Feedback forms the learner completed") int responses,

        @Doc(value = "Mean recommendation score 0..10; null without responses", optional = true)
        Double averageScore,

        @Doc(value = "Net promoter score -100..100: % of 9-10 minus % of 0-6; null without scores", optional = true)
        Double nps,

        @Doc("Free-text comments, as written") List<String> comments) {

    public Reaction {
        comments = comments == null ? List.of() : comments;
    }

    /** NPS of a set of 0..10 scores, rounded to one decimal; null when there are none. */
    public static Double nps(List<Integer> scores) {
        if (scores.isEmpty()) {
            return null;
        }
        long promoters = scores.stream().filter(s -> s >= 9).count();
        long detractors = scores.stream().filter(s -> s <= 6).count();
        return Math.round((promoters - detractors) * 1000.0 / scores.size()) / 10.0;
    }
}
