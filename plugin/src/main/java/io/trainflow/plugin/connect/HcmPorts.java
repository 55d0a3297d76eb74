package io.trainflow.plugin.connect;

import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.connectors.sample.SampleOrganisation;

/**
 * Chooses the HCM behind the engine from {@code trainflow.hcm.type}. Only {@code sample} exists in
 * this build; the OrangeHRM and SCIM 2.0 connectors plug in here (their own settings section
 * {@code trainflow.hcm.<type>.*} and a connection check, like Moodle's in {@link Connections}).
 */
public final class HcmPorts {

    private HcmPorts() {
    }

    public static HcmPort select(String type, SampleOrganisation org) {
        return switch (type) {
            case "sample" -> org.hcm();
            case "orangehrm", "scim" -> throw new IllegalStateException("trainflow.hcm.type=" + type
                    + " is not available in this build yet; use trainflow.hcm.type=sample");
            default -> throw new IllegalStateException("trainflow.hcm.type=" + type
                    + " is not supported; use sample (orangehrm and scim are coming)");
        };
    }
}
