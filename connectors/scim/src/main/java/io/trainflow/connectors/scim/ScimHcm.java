package io.trainflow.connectors.scim;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.trainflow.connectors.hcm.*;
import io.trainflow.connectors.scim.model.EnterpriseUser;
import io.trainflow.connectors.scim.model.ScimEmail;
import io.trainflow.connectors.scim.model.ScimUser;
import io.trainflow.connectors.scim.model.UserListResponse;
import java.net.URLEncoder;
import java.util.*;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * {@link HcmPort} on a SCIM 2.0 provider, read-only towards it. Employee ids are SCIM user ids
 * (what {@code manager.value} refers to); department, manager and employee number come from the
 * enterprise extension, the job title from {@code title} (its own id, as SCIM has no job-title ids).
 * <ul>
 * <li>Departments are the distinct enterprise department names (id = name, flat: SCIM has no tree).</li>
 * <li>Lists are read page by page (startIndex/count) until totalResults are in.</li>
 * <li>Filters: {@code userName eq} always; {@code department eq} unless switched off or refused with
 *     invalidFilter, then all users are read and filtered here.</li>
 * <li>Skills and training records are not in SCIM's core schema: they are kept in Trainflow's own
 *     tables ({@link LocalHcmRecords}) and read back from there, so the lifecycle's "record" step
 *     works and nothing is lost. The organisation skill list and reviews are empty.</li>
 * </ul>
 */
public class ScimHcm implements HcmPort {

    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private final ProducerTemplate template;
    private final ScimConfig config;
    private final LocalHcmRecords local;
    private volatile boolean departmentFilterRefused;

    public ScimHcm(ProducerTemplate template, ScimConfig config, LocalHcmRecords local) {
        this.template = template;
        this.config = config;
        this.local = local;
    }

    @Override
    public Optional<Employee> employee(String employeeId) {
        if (employeeId == null || employeeId.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(employee(
                    get("/Users/" + URLEncoder.encode(employeeId, UTF_8).replace("+", "%20"), null, ScimUser.class)));
        } catch (ScimException.Refused e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<Employee> employeeByUsername(String username) {
        return users("userName eq " + quoted(username)).stream()
                .filter(u -> username.equals(u.getUserName()))
                .findFirst()
                .map(ScimHcm::employee);
    }

    @Override
    public List<Department> departments() {
        return users(null).stream()
                .map(ScimHcm::department)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .map(d -> new Department(d, d, null))
                .toList();
    }

    @Override
    public List<Employee> employees(String departmentId) {
        List<ScimUser> users = null;
        if (config.departmentFilter() && !departmentFilterRefused) {
            try {
                users = users(ENTERPRISE + ":department eq " + quoted(departmentId));
            } catch (ScimException.Refused e) {
                if (!"invalidFilter".equals(e.scimType()) && e.status() != 501) {
                    throw e;
                }
                departmentFilterRefused = true; // the provider cannot filter on the extension: read all, filter here
            }
        }
        if (users == null) {
            users = users(null);
        }
        return users.stream()
                .filter(u -> departmentId.equals(department(u)) && !Boolean.FALSE.equals(u.getActive()))
                .map(ScimHcm::employee)
                .toList();
    }

    @Override
    public List<Skill> skills() {
        return List.of();
    }

    @Override
    public List<EmployeeSkill> skills(String employeeId) {
        return local.skills(employeeId);
    }

    @Override
    public void saveSkill(String employeeId, EmployeeSkill skill) {
        local.saveSkill(employeeId, skill);
    }

    @Override
    public Optional<PerformanceReview> latestReview(String employeeId) {
        return Optional.empty();
    }

    @Override
    public List<TrainingRecord> trainingRecords(String employeeId) {
        return local.trainings(employeeId);
    }

    @Override
    public TrainingRecord recordTraining(String employeeId, TrainingRecord record) {
        if (record.name() == null || record.name().isBlank()) {
            throw new IllegalArgumentException("a training record needs a name (field name)");
        }
        if (employee(employeeId).isEmpty()) {
            throw new IllegalArgumentException("the SCIM provider has no user with id " + employeeId);
        }
        return local.saveTraining(employeeId, record);
    }

    /** Every user matching the filter (null: all), page by page. */
    List<ScimUser> users(String filter) {
        List<ScimUser> all = new ArrayList<>();
        int start = 1;
        while (true) {
            String query = "startIndex=" + start + "&count=" + config.pageSize()
                    + (filter == null
                            ? ""
                            : "&filter=" + URLEncoder.encode(filter, UTF_8).replace("+", "%20"));
            UserListResponse page = get("/Users", query, UserListResponse.class);
            List<ScimUser> resources = Optional.ofNullable(page.getResources()).orElse(List.of());
            all.addAll(resources);
            int total = page.getTotalResults() == null ? all.size() : page.getTotalResults();
            // providers may send fewer than count: advance by what came, stop on an empty page
            if (resources.isEmpty() || all.size() >= total) {
                return all;
            }
            start += resources.size();
        }
    }

    private static Employee employee(ScimUser u) {
        EnterpriseUser ext = u.getUrnIetfParamsScimSchemasExtensionEnterprise20User();
        String email = Optional.ofNullable(u.getEmails()).orElse(List.of()).stream()
                .sorted(Comparator.comparing(e -> !Boolean.TRUE.equals(e.getPrimary())))
                .map(ScimEmail::getValue)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        String department = department(u);
        return new Employee(
                u.getId(),
                u.getUserName(),
                u.getName() == null ? null : u.getName().getGivenName(),
                u.getName() == null ? null : u.getName().getFamilyName(),
                email,
                u.getTitle(),
                u.getTitle(),
                department,
                department,
                ext == null || ext.getManager() == null
                        ? null
                        : ext.getManager().getValue());
    }

    private static String department(ScimUser u) {
        EnterpriseUser ext = u.getUrnIetfParamsScimSchemasExtensionEnterprise20User();
        return ext == null || ext.getDepartment() == null || ext.getDepartment().isBlank() ? null : ext.getDepartment();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private <T> T get(String path, String query, Class<T> type) {
        try {
            return type.cast(template.requestBody(ScimRoutes.USERS, new ScimRoutes.Get(path, query, type)));
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
