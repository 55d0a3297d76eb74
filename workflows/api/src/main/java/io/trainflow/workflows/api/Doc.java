package io.trainflow.workflows.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents one input or output field of a step; element templates show it to process owners. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Doc {

    /** Plain-language description. */
    String value();

    /** Whether the step runs without this input. */
    boolean optional() default false;

    /** Default FEEL expression the template pre-fills for an input, e.g. "=profile". */
    String feel() default "";
}
