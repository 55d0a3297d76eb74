package io.trainflow.plugin.lti;

import io.trainflow.workflows.problems.TrainflowProblem;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The LTI endpoints answer a browser inside Moodle, so every refusal is an HTML page saying what is wrong, never a
 * stack trace; the log gets the status only (the message may name a person).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {LtiController.class, LtiRegistrationController.class})
class LtiRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(LtiRefusals.class);

    @ExceptionHandler(LaunchRefused.class)
    ResponseEntity<String> refused(LaunchRefused e) {
        LOG.info("LTI request refused ({})", e.status());
        return ResponseEntity.status(e.status())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(LtiPages.refusal(
                        e.status() == 403 ? "Trainflow does not know you" : "Trainflow cannot open here",
                        e.getMessage()));
    }

    /** E.g. a platform's configuration naming an endpoint that is not a URL, when dynamic registration stores it. */
    @ExceptionHandler(TrainflowProblem.class)
    ResponseEntity<String> problem(TrainflowProblem e) {
        return refused(new LaunchRefused(e.getMessage() + (e.fields().isEmpty() ? "" : " " + e.fields())));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException e) {
        LOG.error("LTI request failed", e);
        return refused(new LaunchRefused(
                500,
                "Trainflow could not complete this request. Try again; if it"
                        + " repeats, an admin finds the reason in Trainflow's log."));
    }
}
