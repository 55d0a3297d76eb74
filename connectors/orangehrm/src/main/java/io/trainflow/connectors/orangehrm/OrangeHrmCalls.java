package io.trainflow.connectors.orangehrm;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.trainflow.connectors.orangehrm.api.ApiCall;
import io.trainflow.connectors.orangehrm.model.*;
import io.trainflow.connectors.orangehrm.route.OrangeHrmRoutes;
import java.net.URLEncoder;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * Typed OrangeHRM API v2 calls, each sent through the route of its concern, in OrangeHRM's own
 * vocabulary (empNumber, generated models); {@link OrangeHrmHcm} translates to the port's.
 * List calls ask for {@code limit=0}, which OrangeHRM answers with all rows.
 */
public class OrangeHrmCalls {

    private static final String ALL = "limit=0";
    private final ProducerTemplate template;

    public OrangeHrmCalls(ProducerTemplate template) {
        this.template = template;
    }

    // employees and organisation

    public List<PimEmployee> employeesDetailed() {
        return list(send(
                        OrangeHrmRoutes.EMPLOYEES,
                        ApiCall.get(
                                "/pim/employees",
                                ALL + "&model=detailed&includeEmployees=onlyCurrent",
                                new TypeReference<EmployeeListEnvelope>() {}))
                .getData());
    }

    /** A cheap authenticated read, for the connection check. */
    public List<PimEmployee> firstEmployee() {
        return list(send(
                        OrangeHrmRoutes.EMPLOYEES,
                        ApiCall.get("/pim/employees", "limit=1", new TypeReference<EmployeeListEnvelope>() {}))
                .getData());
    }

    public PimEmployee employee(long empNumber) {
        return send(
                        OrangeHrmRoutes.EMPLOYEES,
                        ApiCall.get("/pim/employees/" + empNumber, null, new TypeReference<EmployeeEnvelope>() {}))
                .getData();
    }

    public JobDetails jobDetails(long empNumber) {
        return send(
                        OrangeHrmRoutes.EMPLOYEES,
                        ApiCall.get(
                                "/pim/employees/" + empNumber + "/job-details",
                                null,
                                new TypeReference<JobDetailsEnvelope>() {}))
                .getData();
    }

    public List<Supervision> supervisors(long empNumber) {
        return list(send(
                        OrangeHrmRoutes.EMPLOYEES,
                        ApiCall.get(
                                "/pim/employees/" + empNumber + "/supervisors",
                                ALL,
                                new TypeReference<SupervisionListEnvelope>() {}))
                .getData());
    }

    public List<Subunit> subunitTree() {
        return list(send(
                        OrangeHrmRoutes.EMPLOYEES,
                        ApiCall.get("/admin/subunits", "mode=tree", new TypeReference<SubunitTreeEnvelope>() {}))
                .getData());
    }

    public List<JobTitle> jobTitles() {
        return list(send(
                        OrangeHrmRoutes.EMPLOYEES,
                        ApiCall.get("/admin/job-titles", ALL, new TypeReference<JobTitleListEnvelope>() {}))
                .getData());
    }

    /** System users; {@code username} narrows the list (OrangeHRM may match loosely, callers compare exactly). */
    public List<SystemUser> users(String username) {
        String query = username == null ? ALL : ALL + "&username=" + URLEncoder.encode(username, UTF_8);
        return list(send(
                        OrangeHrmRoutes.EMPLOYEES,
                        ApiCall.get("/admin/users", query, new TypeReference<UserListEnvelope>() {}))
                .getData());
    }

    // skills

    public List<OrgSkill> skills() {
        return list(send(
                        OrangeHrmRoutes.SKILLS,
                        ApiCall.get("/admin/skills", ALL, new TypeReference<SkillListEnvelope>() {}))
                .getData());
    }

    public OrgSkill createSkill(String name, String description) {
        return send(
                        OrangeHrmRoutes.SKILLS,
                        ApiCall.write(
                                "POST",
                                "/admin/skills",
                                new SkillInput().name(name).description(description),
                                new TypeReference<SkillEnvelope>() {}))
                .getData();
    }

    public List<EmployeeSkillEntry> employeeSkills(long empNumber) {
        return list(send(
                        OrangeHrmRoutes.SKILLS,
                        ApiCall.get(
                                "/pim/employees/" + empNumber + "/skills",
                                ALL,
                                new TypeReference<EmployeeSkillListEnvelope>() {}))
                .getData());
    }

    public EmployeeSkillEntry addEmployeeSkill(long empNumber, EmployeeSkillInput skill) {
        return send(
                        OrangeHrmRoutes.SKILLS,
                        ApiCall.write(
                                "POST",
                                "/pim/employees/" + empNumber + "/skills",
                                skill,
                                new TypeReference<EmployeeSkillEnvelope>() {}))
                .getData();
    }

    public EmployeeSkillEntry updateEmployeeSkill(long empNumber, long skillId, EmployeeSkillUpdate skill) {
        return send(
                        OrangeHrmRoutes.SKILLS,
                        ApiCall.write(
                                "PUT",
                                "/pim/employees/" + empNumber + "/skills/" + skillId,
                                skill,
                                new TypeReference<EmployeeSkillEnvelope>() {}))
                .getData();
    }

    // training records (licences)

    public List<OrgLicense> licenses() {
        return list(send(
                        OrangeHrmRoutes.TRAINING,
                        ApiCall.get("/admin/licenses", ALL, new TypeReference<LicenseListEnvelope>() {}))
                .getData());
    }

    public OrgLicense createLicense(String name) {
        return send(
                        OrangeHrmRoutes.TRAINING,
                        ApiCall.write(
                                "POST",
                                "/admin/licenses",
                                new LicenseInput().name(name),
                                new TypeReference<LicenseEnvelope>() {}))
                .getData();
    }

    public List<EmployeeLicenseEntry> employeeLicenses(long empNumber) {
        return list(send(
                        OrangeHrmRoutes.TRAINING,
                        ApiCall.get(
                                "/pim/employees/" + empNumber + "/licenses",
                                ALL,
                                new TypeReference<EmployeeLicenseListEnvelope>() {}))
                .getData());
    }

    public EmployeeLicenseEntry addEmployeeLicense(long empNumber, EmployeeLicenseInput licence) {
        return send(
                        OrangeHrmRoutes.TRAINING,
                        ApiCall.write(
                                "POST",
                                "/pim/employees/" + empNumber + "/licenses",
                                licence,
                                new TypeReference<EmployeeLicenseEnvelope>() {}))
                .getData();
    }

    public EmployeeLicenseEntry updateEmployeeLicense(long empNumber, long licenseId, EmployeeLicenseUpdate licence) {
        return send(
                        OrangeHrmRoutes.TRAINING,
                        ApiCall.write(
                                "PUT",
                                "/pim/employees/" + empNumber + "/licenses/" + licenseId,
                                licence,
                                new TypeReference<EmployeeLicenseEnvelope>() {}))
                .getData();
    }

    // performance reviews

    public List<Review> managedReviews() {
        return list(send(
                        OrangeHrmRoutes.REVIEWS,
                        ApiCall.get(
                                "/performance/manage/reviews",
                                ALL + "&includeEmployees=onlyCurrent",
                                new TypeReference<ReviewListEnvelope>() {}))
                .getData());
    }

    public Review finalEvaluation(long reviewId) {
        return send(
                        OrangeHrmRoutes.REVIEWS,
                        ApiCall.get(
                                "/performance/reviews/" + reviewId + "/evaluation/final",
                                null,
                                new TypeReference<ReviewEnvelope>() {}))
                .getData();
    }

    public SupervisorEvaluationEnvelope supervisorEvaluation(long reviewId) {
        return send(
                OrangeHrmRoutes.REVIEWS,
                ApiCall.get(
                        "/performance/reviews/" + reviewId + "/evaluation/supervisor",
                        null,
                        new TypeReference<SupervisorEvaluationEnvelope>() {}));
    }

    private static <T> List<T> list(List<T> data) {
        return Optional.ofNullable(data).orElse(List.of());
    }

    /** Sends the call and unwraps Camel's wrapper so callers see the typed OrangeHRM exceptions. */
    @SuppressWarnings("unchecked")
    private <T> T send(String route, ApiCall<T> call) {
        try {
            return (T) template.requestBody(route, call);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
