package io.trainflow.plugin.connect;

import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.lms.LmsPort;

/**
 * The sample organisation's LMS and HCM, inside Trainflow: what {@code trainflow.lms.type=sample} and
 * {@code trainflow.hcm.type=sample} stand for. Only the demo provides it ({@code plugin.sample}); production never
 * asks for it.
 */
public interface DemoSystems {

    LmsPort lms();

    HcmPort hcm();
}
