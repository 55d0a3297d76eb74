package io.trainflow.connectors.health;

/**
 * Checks that Trainflow can work with one external system as configured: reachable, signed in,
 * allowed to do what Trainflow needs. Used by the health endpoint and {@code trainflow
 * check-connections}. A check never throws and never reports a secret.
 */
public interface ConnectionCheck {

    /** The system's name as configured, e.g. "moodle" or "sample-lms". */
    String system();

    CheckResult check();
}
