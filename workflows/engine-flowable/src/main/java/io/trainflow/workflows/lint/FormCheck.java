package io.trainflow.workflows.lint;

import io.trainflow.workflows.feel.Feel;
import io.trainflow.workflows.forms.FormField;
import io.trainflow.workflows.forms.TaskForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A {@code .form} file is a Camunda form Trainflow can check completions with, and which id it has. */
final class FormCheck {

    private static final Feel FEEL = new Feel();

    private FormCheck() {}

    /** Problems of the file; its form id is added to {@code formIds} (a second form with that id is a problem). */
    static List<LintProblem> check(String file, byte[] json, Set<String> formIds) {
        List<LintProblem> problems = new ArrayList<>();
        TaskForm form;
        try {
            form = TaskForm.parse(file, json);
        } catch (TaskForm.FormException e) {
            problems.add(new LintProblem(file, null, e.getMessage().substring(file.length() + 2)));
            return problems;
        }
        if (!formIds.add(form.id())) {
            problems.add(new LintProblem(file, null, "another .form file already has the id '" + form.id() + "'"));
        }
        for (FormField field : form.fields()) {
            String hide = Feel.expressionOf(field.hideWhen());
            if (hide != null) {
                FEEL.parseError(hide)
                        .ifPresent(error -> problems.add(new LintProblem(
                                file,
                                null,
                                "field '" + field.key() + "': conditional.hide is not valid FEEL: " + error)));
            }
            if (field.pattern() != null) {
                try {
                    Pattern.compile(field.pattern());
                } catch (PatternSyntaxException e) {
                    problems.add(new LintProblem(
                            file,
                            null,
                            "field '" + field.key() + "': pattern '" + field.pattern()
                                    + "' is not a regular expression: " + e.getDescription()));
                }
            }
        }
        return problems;
    }
}
