package io.trainflow.connectors.moodle.health;

import io.trainflow.connectors.health.CheckResult;
import io.trainflow.connectors.health.ConnectionCheck;
import io.trainflow.connectors.health.Finding;
import io.trainflow.connectors.health.Finding.Kind;
import io.trainflow.connectors.moodle.MoodleCalls;
import io.trainflow.connectors.moodle.catalogue.MoodleCourseIds;
import io.trainflow.connectors.moodle.error.MoodleBusinessException;
import io.trainflow.connectors.moodle.error.MoodleUnavailableException;
import io.trainflow.connectors.moodle.model.SiteFunction;
import io.trainflow.connectors.moodle.model.SiteInfo;
import io.trainflow.connectors.moodle.route.MoodleRoutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moodle as Trainflow needs it: core_webservice_get_site_info answers (URL, web services on,
 * token valid), the token's external service offers every function Trainflow calls, each
 * catalogue course exists in Moodle by shortname, and the token's user may read a course
 * (a missing role shows as Moodle's requireloginerror / errorcoursecontextnotvalid / nopermissions).
 */
public final class MoodleConnectionCheck implements ConnectionCheck {

    private final String baseUrl;
    private final MoodleCalls moodle;
    private final MoodleCourseIds courses;

    /** @param courses the catalogue's courses, or null when there is no catalogue to check */
    public MoodleConnectionCheck(String baseUrl, MoodleCalls moodle, MoodleCourseIds courses) {
        this.baseUrl = baseUrl;
        this.moodle = moodle;
        this.courses = courses;
    }

    @Override
    public String system() {
        return "moodle";
    }

    @Override
    public CheckResult check() {
        SiteInfo site;
        try {
            site = moodle.siteInfo();
        } catch (RuntimeException e) {
            return CheckResult.of(system(), failure(e, "site info", "core_webservice_get_site_info"));
        }
        List<Finding> findings = new ArrayList<>(missingFunctions(site));
        if (courses != null) {
            findings.addAll(courseFindings());
        }
        if (findings.isEmpty()) {
            findings.add(Finding.ok("site info, functions, courses", "Moodle " + site.getRelease() + " at " + baseUrl + " as " + site.getUsername()
                    + "; all " + MoodleRoutes.FUNCTIONS.size() + " functions Trainflow calls are in the service"
                    + (courses == null ? "" : "; every catalogue course found by shortname")));
        }
        return new CheckResult(system(), findings);
    }

    private List<Finding> missingFunctions(SiteInfo site) {
        Set<String> offered = new TreeSet<>();
        Optional.ofNullable(site.getFunctions()).orElse(List.of()).stream().map(SiteFunction::getName).forEach(offered::add);
        return MoodleRoutes.FUNCTIONS.stream().filter(f -> !offered.contains(f))
                .map(f -> new Finding(Kind.FUNCTION_MISSING, "functions", "web-service function " + f
                        + " is not in the token's external service (Site administration > Server > Web services"
                        + " > External services > Functions)"))
                .toList();
    }

    private List<Finding> courseFindings() {
        List<Finding> findings = new ArrayList<>();
        try {
            courses.unresolved().forEach((id, shortname) -> findings.add(new Finding(Kind.MISSING_DATA, "catalogue courses",
                    "catalogue course " + id + ": no Moodle course with shortname '" + shortname + "'")));
            Optional<Long> probe = courses.firstResolved();
            if (probe.isPresent()) {
                moodle.probeCourse(probe.get());
            }
        } catch (RuntimeException e) {
            findings.add(failure(e, "read a course", "core_course_get_courses"));
        }
        return findings;
    }

    private Finding failure(RuntimeException e, String check, String function) {
        if (e instanceof MoodleBusinessException.InvalidToken) {
            return new Finding(Kind.BAD_CREDENTIALS, check, "Moodle at " + baseUrl + " does not accept the token (errorcode "
                    + "invalidtoken); set TRAINFLOW_MOODLE_TOKEN or trainflow.lms.moodle.token-file");
        }
        if (e instanceof MoodleBusinessException.WebServicesDisabled) {
            return new Finding(Kind.API_DISABLED, check, "web services are disabled on " + baseUrl + " (HTTP 403): enable"
                    + " them and the REST protocol in Site administration > Advanced features / Server > Web services");
        }
        if (e instanceof MoodleBusinessException.FunctionNotInService) {
            return new Finding(Kind.FUNCTION_MISSING, check, "web-service function " + function + " is not in the token's"
                    + " external service (errorcode accessexception)");
        }
        if (e instanceof MoodleBusinessException.MissingCapability m) {
            return new Finding(Kind.MISSING_PERMISSION, check, "the token's user may not read courses (" + function
                    + ", errorcode " + m.errorCode() + "): give it a role with the capabilities listed in README"
                    + " \"Connect a real Moodle\"");
        }
        if (e instanceof MoodleBusinessException b) {
            return new Finding(Kind.BAD_URL, check, function + " at " + baseUrl + " failed with errorcode " + b.errorCode());
        }
        if (e instanceof MoodleUnavailableException) {
            return new Finding(Kind.UNREACHABLE, check, "Moodle at " + baseUrl + " is unreachable: " + redact(e.getMessage()));
        }
        return new Finding(Kind.BAD_URL, check, "no Moodle web service at " + baseUrl + "/webservice/rest/server.php: "
                + redact(e.getMessage()));
    }

    /** Camel's messages may quote the request URL, and the token travels in its query. */
    static String redact(String message) {
        return message == null ? "" : message.replaceAll("wstoken=[^&\\s]*", "wstoken=***");
    }
}
