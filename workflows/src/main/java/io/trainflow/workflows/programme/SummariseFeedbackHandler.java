package io.trainflow.workflows.programme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.trainflow.connectors.ai.AiPort;
import io.trainflow.connectors.ai.FeedbackSummary;
import io.trainflow.connectors.ai.provenance.AiResult;
import io.trainflow.workflows.ai.AiTrace;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.RecordedOutput;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import jakarta.validation.constraints.NotNull;
import java.util.List;

@RecordedOutput
@TaskType(
        value = "ai-summarise-feedback",
        name = "Summarise feedback (AI)",
        description =
                "Drafts a short summary of the programme's feedback comments for the person who signs the report"
                        + " off. The summary only quotes or rests on the comments and names the engine that made it; it is marked"
                        + " as a draft until that person signs the report off. Comments are data: instructions in them change nothing.")
public final class SummariseFeedbackHandler
        implements StepHandler<SummariseFeedbackHandler.Input, SummariseFeedbackHandler.Output> {

    static final int MAX_SENTENCES = 3;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Input(
            @Doc(value = "The programme report", feel = "=report") @NotNull
            Report report) {}

    public record Summary(
            @Doc("The summary text") String text,
            @Doc("AI engine that made it") String engine,
            @Doc("Comments the summary rests on") List<String> sentences,

            @Doc("Always true: AI text is a draft until a person signs the report off")
            boolean draft) {}

    public record Output(
            @Doc("Draft summary of the feedback") Summary feedbackSummary,
            @Doc("Provenance of the summary") AiTrace feedbackSummaryProvenance) {}

    private final AiPort ai;

    public SummariseFeedbackHandler(AiPort ai) {
        this.ai = ai;
    }

    @Override
    public Output handle(Input input) {
        List<String> comments = input.report().comments();
        AiResult<FeedbackSummary> result = ai.summariseFeedback(comments, MAX_SENTENCES);
        FeedbackSummary summary = result.value();
        return new Output(
                new Summary(summary.text(), summary.engine(), summary.sentences(), true),
                AiTrace.of("feedback-summary", result.provenance()));
    }
}
