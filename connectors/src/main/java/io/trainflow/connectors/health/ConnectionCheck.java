package io.trainflow.connectors.health;

/**
 * Checks that Trainflow can work with one external system as configured: reachable, signed in,
 * allowed to do what Trainflow needs. Every connector (Moodle, OrangeHRM, SCIM, the sample
 * organisation) implements it, and the health endpoint and {@code trainflow check-connections}
 * treat them all alike. A check never throws and never reports a secret.
 */
public interface ConnectionCheck {

    /** The system's name as configured, e.g. "moodle", "orangehrm", "scim" or "sample-lms". */
    String system();

    CheckResult check();
}
