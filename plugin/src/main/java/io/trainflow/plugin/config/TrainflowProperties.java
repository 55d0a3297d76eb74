package io.trainflow.plugin.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code trainflow.*} settings (see application.yml).
 *
 * @param bpmnDir      folder deployed at start and watched for changes (hot deploy); the copy
 *                     inside the jar is used when the folder does not exist
 * @param workerThreads threads running step handlers
 * @param progressSync how often completion is polled from the LMS in bulk
 * @param hcmSync      how often the HCM is checked for manager changes
 * @param demoPassword password of every sample-organisation user (from the environment)
 */
@ConfigurationProperties(prefix = "trainflow")
public record TrainflowProperties(String bpmnDir, int workerThreads, Duration progressSync, Duration hcmSync,
                                  String demoPassword) {

    public TrainflowProperties {
        bpmnDir = bpmnDir == null ? "bpmn" : bpmnDir;
        workerThreads = workerThreads <= 0 ? 4 : workerThreads;
        progressSync = progressSync == null ? Duration.ofMinutes(5) : progressSync;
        hcmSync = hcmSync == null ? Duration.ofMinutes(15) : hcmSync;
    }
}
