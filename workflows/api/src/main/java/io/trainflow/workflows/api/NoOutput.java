package io.trainflow.workflows.api;

/** Output of a step that only has an effect and sets no variable. */
public record NoOutput() {
    public static final NoOutput INSTANCE = new NoOutput();
}
