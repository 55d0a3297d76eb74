package io.trainflow.workflows.engine.flowable;

/**
 * Camunda 8 creates a user task with no assignee and no candidates and leaves it to anyone with
 * Tasklist access. Trainflow's inbox shows a person only their own and offered tasks, so such a
 * task is offered to one configurable group instead (the L&D team by default: they own the processes).
 */
public final class UserTaskDefaults {

    /** Who gets a user task that names nobody, unless configured otherwise. */
    public static final String DEFAULT_GROUP = "ld-team";

    private UserTaskDefaults() {}
}
