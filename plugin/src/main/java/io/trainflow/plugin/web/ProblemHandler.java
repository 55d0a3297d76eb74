package io.trainflow.plugin.web;

import io.trainflow.plugin.api.model.Problem;
import io.trainflow.workflows.feel.FeelException;
import io.trainflow.workflows.forms.TaskInputException;
import io.trainflow.workflows.lint.LintException;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as a {@link Problem} that says what is wrong and where. */
@RestControllerAdvice
public class ProblemHandler {

    @ExceptionHandler(FlowableForbiddenException.class)
    ResponseEntity<Problem> forbidden(FlowableForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(FlowableObjectNotFoundException.class)
    ResponseEntity<Problem> notFound(FlowableObjectNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(FlowableTaskAlreadyClaimedException.class)
    ResponseEntity<Problem> conflict(FlowableTaskAlreadyClaimedException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(TaskInputException.class)
    ResponseEntity<Problem> taskInput(TaskInputException e) {
        return ResponseEntity.badRequest().body(new Problem(400, e.getMessage()).error("Bad Request").fields(e.problems()));
    }

    @ExceptionHandler({FlowableIllegalArgumentException.class, IllegalArgumentException.class, LintException.class,
            FeelException.class})
    ResponseEntity<Problem> badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "Request body is not valid JSON for this operation: "
                + e.getMostSpecificCause().getMessage());
    }

    private static ResponseEntity<Problem> problem(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new Problem(status.value(), message).error(status.getReasonPhrase()));
    }
}
