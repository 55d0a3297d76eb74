package io.trainflow.workflows.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler makes a call that costs money or cannot be repeated harmlessly (an AI model): the engine records
 * its output before completing the step, so a step that runs again after a crash gets the recorded output
 * instead of calling again.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RecordedOutput {}
