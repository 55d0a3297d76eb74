package io.trainflow.plugin.connect;

import java.util.Locale;

/**
 * Which LMS and HCM the engine talks to.
 *
 * @param lmsType   {@code trainflow.lms.type}: sample (default) or moodle
 * @param moodle    {@code trainflow.lms.moodle.*}, used when lmsType is moodle
 * @param hcmType   {@code trainflow.hcm.type}: sample (default), orangehrm or scim
 * @param orangehrm {@code trainflow.hcm.orangehrm.*}, used when hcmType is orangehrm
 * @param scim      {@code trainflow.hcm.scim.*}, used when hcmType is scim
 */
public record ConnectionSettings(
        String lmsType, MoodleSettings moodle, String hcmType, OrangeHrmSettings orangehrm, ScimSettings scim) {

    public ConnectionSettings {
        lmsType =
                lmsType == null || lmsType.isBlank() ? "sample" : lmsType.trim().toLowerCase(Locale.ROOT);
        hcmType =
                hcmType == null || hcmType.isBlank() ? "sample" : hcmType.trim().toLowerCase(Locale.ROOT);
        orangehrm =
                orangehrm != null ? orangehrm : new OrangeHrmSettings(null, null, null, null, null, null, null, null);
        scim = scim != null ? scim : new ScimSettings(null, null, null, null, null);
        moodle = moodle != null
                ? moodle
                : new MoodleSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The embedded demo: the sample organisation stands for the LMS or the HCM, so its catalogue, budgets and groups
     * are imported into the empty database at first start. Anything else is production and starts empty.
     */
    public boolean demo() {
        return "sample".equals(lmsType) || "sample".equals(hcmType);
    }
}
