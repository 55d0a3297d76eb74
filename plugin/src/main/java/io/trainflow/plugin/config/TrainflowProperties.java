package io.trainflow.plugin.config;

import io.trainflow.plugin.connect.ConnectionSettings;
import io.trainflow.plugin.connect.MoodleSettings;
import io.trainflow.plugin.connect.OrangeHrmSettings;
import io.trainflow.plugin.connect.ScimSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code trainflow.*} settings (see application.yml).
 *
 * @param bpmnDir      folder deployed at start and watched for changes (hot deploy); the copy
 *                     inside the jar is used when the folder does not exist
 * @param workerThreads threads running step handlers
 * @param unassignedTaskGroup the group a user task naming no assignee or candidates is offered to (ld-team)
 * @param progressSync how often completion is polled from the LMS in bulk
 * @param hcmSync      how often the HCM is checked for manager changes
 * @param demoPassword password of every sample-organisation user (from the environment)
 * @param lms          {@code trainflow.lms.type} (sample|moodle) and {@code trainflow.lms.moodle.*}
 * @param hcm          {@code trainflow.hcm.type} (sample|orangehrm|scim), {@code trainflow.hcm.orangehrm.*},
 *                     {@code trainflow.hcm.scim.*}
 */
@ConfigurationProperties(prefix = "trainflow")
public record TrainflowProperties(
        String bpmnDir,
        int workerThreads,
        String unassignedTaskGroup,
        Duration progressSync,
        Duration hcmSync,
        String demoPassword,
        Lms lms,
        Hcm hcm) {

    public record Lms(String type, MoodleSettings moodle) {}

    public record Hcm(String type, OrangeHrmSettings orangehrm, ScimSettings scim) {}

    /** Which LMS and HCM to connect to. */
    public ConnectionSettings connections() {
        return new ConnectionSettings(
                lms == null ? null : lms.type(),
                lms == null ? null : lms.moodle(),
                hcm == null ? null : hcm.type(),
                hcm == null ? null : hcm.orangehrm(),
                hcm == null ? null : hcm.scim());
    }

    public TrainflowProperties {
        bpmnDir = bpmnDir == null ? "bpmn" : bpmnDir;
        workerThreads = workerThreads <= 0 ? 4 : workerThreads;
        progressSync = progressSync == null ? Duration.ofMinutes(5) : progressSync;
        hcmSync = hcmSync == null ? Duration.ofMinutes(15) : hcmSync;
    }
}
