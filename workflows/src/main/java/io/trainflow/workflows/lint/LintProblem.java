package io.trainflow.workflows.lint;

/** One reason a process file cannot run: where (file, BPMN element id) and why, in plain language. */
public record LintProblem(String file, String elementId, String message) {

    @Override
    public String toString() {
        return file + (elementId == null ? "" : " [" + elementId + "]") + ": " + message;
    }
}
