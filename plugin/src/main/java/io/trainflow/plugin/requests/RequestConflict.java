package io.trainflow.plugin.requests;

import io.trainflow.plugin.api.model.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A request is not in a state that allows the change (already ended, part of a campaign): 409 with why. */
public class RequestConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RequestConflict(String message) {
        super(message);
    }

    @RestControllerAdvice
    static class Answer {
        @ExceptionHandler(RequestConflict.class)
        ResponseEntity<Problem> conflict(RequestConflict e) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(new Problem(HttpStatus.CONFLICT.value(), e.getMessage())
                            .error(HttpStatus.CONFLICT.getReasonPhrase()));
        }
    }
}
