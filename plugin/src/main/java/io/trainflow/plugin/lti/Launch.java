package io.trainflow.plugin.lti;

import java.util.List;
import java.util.Map;

/**
 * A validated launch: who (the platform's {@code sub}, email and Moodle username), in which role and which course.
 *
 * @param moodleUsername  {@code https://purl.imsglobal.org/spec/lti/claim/ext} → {@code user_username}
 * @param roles           the LTI role URIs
 * @param contextId       the course (Moodle course id), null when launched outside a course
 * @param custom          the custom claim (e.g. {@code trainflow_course}, {@code trainflow_view})
 * @param deepLinkReturn  deep linking: where the response goes, null for a resource-link launch
 * @param deepLinkData    deep linking: the platform's {@code data}, echoed back
 * @param membershipsUrl  NRPS: the course's memberships endpoint, null when the platform offers none
 */
public record Launch(
        Platform platform,
        String deploymentId,
        String messageType,
        String sub,
        String email,
        String moodleUsername,
        String name,
        List<String> roles,
        String contextId,
        String contextLabel,
        String contextTitle,
        Map<String, Object> custom,
        String deepLinkReturn,
        String deepLinkData,
        String membershipsUrl) {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    static final String INSTITUTION_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
    static final String SYSTEM_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

    public boolean deepLinking() {
        return "LtiDeepLinkingRequest".equals(messageType);
    }

    /** Teaches in this context, or administers the platform or the institution. */
    public boolean instructorOrAdmin() {
        return roles.stream()
                .anyMatch(r -> r.equals(ROLE + "Instructor")
                        || r.equals(ROLE + "Administrator")
                        || r.equals(INSTITUTION_ROLE + "Administrator")
                        || r.equals(SYSTEM_ROLE + "Administrator"));
    }
}
