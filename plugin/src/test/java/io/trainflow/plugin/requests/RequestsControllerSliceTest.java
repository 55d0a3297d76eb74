package io.trainflow.plugin.requests;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.CourseOffering;
import io.trainflow.connectors.hcm.Employee;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.plugin.access.Access;
import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.inbox.TaskInbox;
import io.trainflow.plugin.web.ProblemHandler;
import io.trainflow.workflows.TrainflowPorts;
import io.trainflow.workflows.api.OpenRequests;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.EngineErrors;
import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.engine.ProcessHistoryPort.ProcessRecord;
import io.trainflow.workflows.engine.ProcessStarter;
import io.trainflow.workflows.engine.UserTaskPort;
import io.trainflow.workflows.intake.Intake;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The requests' REST face against fake ports (Mockito at the process-start, open-request, history, user-task and
 * HCM ports): what the HTTP contract promises for starting, refusing, reading and withdrawing a request, without
 * an engine or a database.
 */
class RequestsControllerSliceTest {

    private static final Employee ALICE = new Employee(
            "1004", "alice.martin", "Alice", "Martin", null, "dev", "Developer", "engineering", "Engineering", "1003");
    private static final Employee SOPHIE = new Employee(
            "1003",
            "sophie.laurent",
            "Sophie",
            "Laurent",
            null,
            "lead",
            "Team lead",
            "engineering",
            "Engineering",
            null);

    private final ProcessStarter starter = mock(ProcessStarter.class);
    private final OpenRequests open = mock(OpenRequests.class);
    private final HcmPort hcm = mock(HcmPort.class);
    private final CataloguePort catalogue = mock(CataloguePort.class);
    private final ProcessHistoryPort history = mock(ProcessHistoryPort.class);
    private final UserTaskPort tasks = mock(UserTaskPort.class);
    private final EngineErrors engineErrors = mock(EngineErrors.class);
    private final Directory directory = Directory.of(Map.of("ld-team", Set.of("zoe.vincent")));
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        Intake intake = new Intake(starter, open, hcm, catalogue, directory);
        RequestHistory requests = new RequestHistory(history);
        TrainflowPorts ports = new TrainflowPorts(
                mock(io.trainflow.connectors.lms.LmsPort.class),
                hcm,
                mock(io.trainflow.connectors.ai.AiPort.class),
                catalogue,
                mock(io.trainflow.connectors.outcome.OutcomeStore.class),
                mock(io.trainflow.connectors.delegation.DelegationStore.class),
                java.time.Clock.systemUTC());
        AccessAudit audit = mock(AccessAudit.class);
        TaskInbox inbox = new TaskInbox(tasks, audit);
        Access access = new Access(directory, ports, history);
        RequestsController controller = new RequestsController(
                intake,
                requests,
                inbox,
                access,
                audit,
                new Withdrawals(history, requests, access, inbox),
                mock(People.class));
        mvc = MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new ProblemHandler(engineErrors))
                .build();
        when(engineErrors.problemOf(any())).thenReturn(Optional.empty());
        when(hcm.employee("1004")).thenReturn(Optional.of(ALICE));
        when(hcm.employee("1003")).thenReturn(Optional.of(SOPHIE));
        when(catalogue.offering("103"))
                .thenReturn(Optional.of(new CourseOffering("103", List.of("python"), List.of(), 400, "EUR")));
        when(open.heldElsewhere(anyString(), any())).thenReturn(Map.of());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private ResultActions as(String user, org.springframework.test.web.servlet.RequestBuilder request)
            throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, "n/a"));
        return mvc.perform(request);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder postJson(
            String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void anEmployeesRequestStartsTheTrainingRequestProcessAsHer() throws Exception {
        when(starter.start(eq("alice.martin"), eq("training-request"), anyString(), anyMap()))
                .thenReturn(new ProcessStarter.Started("p-1", "REQ-1"));

        as("alice.martin", postJson("/api/requests", "{\"employeeId\": \"1004\", \"requestedCourseIds\": [\"103\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.processInstanceId").value("p-1"))
                .andExpect(jsonPath("$.businessKey").value("REQ-1"));
        verify(starter)
                .start(
                        eq("alice.martin"),
                        eq("training-request"),
                        anyString(),
                        argThat(v -> "employee-request".equals(v.get("origin"))
                                && List.of("103").equals(v.get("requestedCourseIds"))));
    }

    @Test
    void aCourseAnotherOpenRequestHoldsIsAConflictNamingThatRequestAndNothingStarts() throws Exception {
        when(open.heldElsewhere("1004", null)).thenReturn(Map.of("103", "REQ-open"));

        as("alice.martin", postJson("/api/requests", "{\"employeeId\": \"1004\", \"requestedCourseIds\": [\"103\"]}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.fields['requestedCourseIds[0]']")
                        .value("course '103' is already requested in REQ-open, which is still open"));
        verify(starter, never()).start(any(), any(), any(), any());
    }

    @Test
    void anUnknownEmployeeOrCourseIsRefusedNamingTheField() throws Exception {
        as("alice.martin", postJson("/api/requests", "{\"employeeId\": \"9999\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.employeeId").value("'9999' is not an employee in the HCM"));
        as("alice.martin", postJson("/api/requests", "{\"employeeId\": \"1004\", \"requestedCourseIds\": [\"777\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.fields['requestedCourseIds[0]']").value("'777' is not a course of the catalogue"));
        verify(starter, never()).start(any(), any(), any(), any());
    }

    @Test
    void onlyTheLearnerOrHerManagersMayAskAndOnlyLdStartsACampaign() throws Exception {
        as("paul.robin", postJson("/api/requests", "{\"employeeId\": \"1004\"}"))
                .andExpect(status().isForbidden());
        as("alice.martin", postJson("/api/campaigns", "{\"department\": \"engineering\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not in L&D")));
        verify(starter, never()).start(any(), any(), any(), any());
    }

    @Test
    void aRequestIsNotThereForSomeoneOutsideItAndOnlyItsRequesterWithdrawsIt() throws Exception {
        ProcessRecord request =
                new ProcessRecord("p-1", "training-request", "def-1", "REQ-1", Instant.EPOCH, null, null, null, null);
        when(history.byBusinessKey(null, "REQ-1")).thenReturn(Optional.of(request));
        when(history.variables("p-1")).thenReturn(Map.of("requestedBy", "alice.martin", "employeeId", "1004"));
        when(history.byBusinessKey(null, "REQ-none")).thenReturn(Optional.empty());

        String unknown = as("paul.robin", get("/api/requests/REQ-none"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String stranger = as("paul.robin", get("/api/requests/REQ-1"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(stranger)
                .as("the same answer as for an unknown request")
                .isEqualTo(unknown.replace("REQ-none", "REQ-1"));

        as("sophie.laurent", post("/api/requests/REQ-1/withdraw")).andExpect(status().isForbidden());
        verify(history, never()).cancel(any(), any());
        as("alice.martin", post("/api/requests/REQ-1/withdraw")).andExpect(status().isNoContent());
        verify(history).cancel("p-1", "withdrawn by alice.martin");
    }
}
