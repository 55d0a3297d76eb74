package io.trainflow.plugin.web;

import io.trainflow.plugin.api.model.Problem;
import io.trainflow.workflows.engine.EngineErrors;
import io.trainflow.workflows.feel.FeelException;
import io.trainflow.workflows.lint.LintException;
import io.trainflow.workflows.problems.TrainflowProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;

/**
 * Every refusal as an RFC 9457 problem ({@code application/problem+json}) that says what is wrong and
 * where (the field, the value's place), in one place: Trainflow's own problems (forbidden, not found,
 * invalid input, conflict), the contract's limits, unreadable bodies. Messages never name an internal
 * class and never echo a rejected value back into the log. Anything else is a programming error: 500 with
 * a reference to the log, and no internals.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    /** The engine's own refusals, for paths that reach it directly (incidents, the CLI's server), as Trainflow's problems. */
    private final EngineErrors engineErrors;

    public ProblemHandler(EngineErrors engineErrors) {
        this.engineErrors = engineErrors;
    }

    @ExceptionHandler(TrainflowProblem.class)
    ResponseEntity<Problem> trainflow(TrainflowProblem e, HttpServletRequest request) {
        HttpStatus status = e instanceof TrainflowProblem.Forbidden
                ? HttpStatus.FORBIDDEN
                : e instanceof TrainflowProblem.NotFound
                        ? HttpStatus.NOT_FOUND
                        : e instanceof TrainflowProblem.Conflict
                                ? HttpStatus.CONFLICT
                                : e instanceof WriteRateLimit.TooManyWrites
                                        ? HttpStatus.TOO_MANY_REQUESTS
                                        : e instanceof TrainflowProblem.Unavailable
                                                ? HttpStatus.SERVICE_UNAVAILABLE
                                                : HttpStatus.BAD_REQUEST;
        return problem(status, e.getMessage(), e.fields(), request);
    }

    @ExceptionHandler({LintException.class, FeelException.class})
    ResponseEntity<Problem> badModel(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), Map.of(), request);
    }

    /** A body field breaks the contract (length, size, range, pattern, required). */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Problem> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> fields.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
        return invalid(fields, request);
    }

    /** A path or query parameter breaks the contract. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Problem> invalidParameter(HandlerMethodValidationException e, HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> fields.putIfAbsent(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())));
        return invalid(fields, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Problem> violated(ConstraintViolationException e, HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            fields.putIfAbsent(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        });
        return invalid(fields, request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return invalid(Map.of(e.getParameterName(), "is required"), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> mistyped(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : typeName(e.getRequiredType());
        return invalid(Map.of(e.getName(), "must be " + expected), request);
    }

    /** Not JSON, or a value of the wrong type: the JSON path of the field, never the class it was read into. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (e.getCause() instanceof DatabindException databind
                && !databind.getPath().isEmpty()) {
            String field = JsonFields.path(databind.getPath());
            return invalid(Map.of(field, JsonFields.problem(databind)), request);
        }
        if (e.getCause() instanceof InputCoercionException outOfRange && outOfRange.processor() != null) {
            // a number too large for its field: named by where the parser was
            String field = JsonFields.path(outOfRange.processor().streamReadContext());
            return invalid(Map.of(field, "is out of range"), request);
        }
        if (cause instanceof BodyLimit.TooLarge) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, cause.getMessage(), Map.of(), request);
        }
        String what = e.getCause() instanceof JacksonException ? "is not valid JSON" : "is missing or unreadable";
        return problem(HttpStatus.BAD_REQUEST, "The request body " + what, Map.of("body", what), request);
    }

    /** Spring's own refusals (method not allowed, unsupported media type, no such path): status and reason only. */
    @ExceptionHandler({
        ErrorResponseException.class,
        HttpRequestMethodNotSupportedException.class,
        HttpMediaTypeNotSupportedException.class,
        HttpMediaTypeNotAcceptableException.class,
        NoResourceFoundException.class
    })
    ResponseEntity<Problem> spring(Exception e, HttpServletRequest request) {
        HttpStatusCode code = ((ErrorResponse) e).getStatusCode();
        HttpStatus status = HttpStatus.resolve(code.value());
        String reason = status == null ? "Refused" : status.getReasonPhrase();
        Map<String, String> fields = code.value() == 405
                ? Map.of("method", request.getMethod() + " is not allowed here")
                : code.value() == 415 ? Map.of("Content-Type", "must be application/json") : Map.of();
        return problem(
                status == null ? HttpStatus.BAD_REQUEST : status,
                reason + ": " + request.getMethod() + " " + request.getRequestURI(),
                fields,
                request);
    }

    /** A programming error: logged with a reference, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) {
        var known = engineErrors.problemOf(e);
        if (known.isPresent()) {
            return trainflow(known.get(), request);
        }
        String reference = UUID.randomUUID().toString();
        // the class and where, never the message: it may hold a person's data or the rejected input
        Throwable where = new Throwable(e.getClass().getName());
        where.setStackTrace(e.getStackTrace());
        Object route =
                request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        LOG.error(
                "Unexpected error {} on {} {}",
                reference,
                request.getMethod(),
                route == null ? "(no route)" : route,
                where);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Trainflow failed to answer; the log names reference " + reference,
                Map.of(),
                request);
    }

    private static ResponseEntity<Problem> invalid(Map<String, String> fields, HttpServletRequest request) {
        String message = "Invalid input: "
                + String.join(
                        "; ",
                        fields.entrySet().stream()
                                .map(f -> f.getKey() + " " + f.getValue())
                                .toList());
        return problem(HttpStatus.BAD_REQUEST, message, fields, request);
    }

    public static ResponseEntity<Problem> problem(
            HttpStatus status, String message, Map<String, String> fields, HttpServletRequest request) {
        Problem body = new Problem(status.value(), message)
                .type("about:blank")
                .title(status.getReasonPhrase())
                .detail(message)
                .error(status.getReasonPhrase())
                .instance(request.getRequestURI());
        if (!fields.isEmpty()) {
            body.fields(fields);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String typeName(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a whole number";
        }
        return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
