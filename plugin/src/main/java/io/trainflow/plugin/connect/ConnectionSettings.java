package io.trainflow.plugin.connect;

/**
 * Which LMS and HCM the engine talks to.
 *
 * @param lmsType {@code trainflow.lms.type}: sample (default) or moodle
 * @param moodle  {@code trainflow.lms.moodle.*}, used when lmsType is moodle
 * @param hcmType {@code trainflow.hcm.type}: sample (default); orangehrm and scim to come
 */
public record ConnectionSettings(String lmsType, MoodleSettings moodle, String hcmType) {

    public ConnectionSettings {
        lmsType = lmsType == null || lmsType.isBlank() ? "sample" : lmsType.trim().toLowerCase(java.util.Locale.ROOT);
        hcmType = hcmType == null || hcmType.isBlank() ? "sample" : hcmType.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
