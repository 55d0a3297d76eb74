package io.trainflow.workflows.lint;

/**
 * One reason a process file cannot run: where (file, BPMN element id) and why, in plain language.
 * A note is not a problem: the file runs, the note says how (e.g. who an unassigned task goes to).
 */
public record LintProblem(String file, String elementId, String message, boolean note) {

    public LintProblem(String file, String elementId, String message) {
        this(file, elementId, message, false);
    }

    static LintProblem note(String file, String elementId, String message) {
        return new LintProblem(file, elementId, message, true);
    }

    /** Refuses the file (anything but a note). */
    public boolean refuses() {
        return !note;
    }

    @Override
    public String toString() {
        return file + (elementId == null ? "" : " [" + elementId + "]") + ": " + (note ? "note: " : "") + message;
    }
}
