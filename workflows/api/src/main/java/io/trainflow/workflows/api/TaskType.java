package io.trainflow.workflows.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link StepHandler} as the implementation of one BPMN task type
 * ({@code zeebe:taskDefinition type}). The element-template generator reads it, so the
 * Camunda Modeler palette always matches the Java.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TaskType {

    /** The job type written in {@code zeebe:taskDefinition type="..."}. */
    String value();

    /** Palette label, e.g. "Enrol in Moodle". */
    String name();

    /** What the step does, shown in the Modeler's properties panel. */
    String description();

    /** Modeler palette group. */
    String group() default "Trainflow";

    /** Attempts before the step is parked as an incident (Zeebe's default is 3). */
    int retries() default 3;

    /** Business error codes this step can raise; BPMN error boundary events catch them. */
    String[] errors() default {};
}
