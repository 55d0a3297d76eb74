package io.trainflow.plugin.inbox;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trainflow.plugin.access.AccessAudit;
import io.trainflow.plugin.web.ProblemHandler;
import io.trainflow.workflows.engine.EngineErrors;
import io.trainflow.workflows.engine.InboxFilter;
import io.trainflow.workflows.engine.InboxPage;
import io.trainflow.workflows.engine.InboxTask;
import io.trainflow.workflows.engine.UserTaskPort;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The inbox's REST face against a fake engine (Mockito at the user-task port): what the HTTP contract promises,
 * paging links, problems and per-item bulk outcomes, without an engine or a database.
 */
class TasksControllerSliceTest {

    private final UserTaskPort port = mock(UserTaskPort.class);
    private final EngineErrors engineErrors = mock(EngineErrors.class);
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        AccessAudit audit = mock(AccessAudit.class);
        TaskInbox inbox = new TaskInbox(port, audit);
        TasksController controller = new TasksController(inbox, audit, new BulkDecisions(inbox));
        mvc = MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new ProblemHandler(engineErrors))
                .build();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("sophie.laurent", "n/a"));
        when(engineErrors.problemOf(any())).thenReturn(Optional.empty());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPageNamesTheNextOneWithTheSameFilters() throws Exception {
        when(port.page(eq("sophie.laurent"), eq(0), eq(2), eq(new InboxFilter(null, null, "sales", null, null))))
                .thenReturn(new InboxPage(List.of(task("t1"), task("t2")), 3));

        mvc.perform(get("/api/tasks").param("max", "2").param("department", "sales"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("t1"))
                .andExpect(jsonPath("$[1].employee.displayName").value("Théo Martin"))
                .andExpect(header().string("Link", "</api/tasks?first=3&max=2&department=sales>; rel=\"next\""));
    }

    @Test
    void theNextPageIsNamedByItsCursorWhenTheEngineGivesOneAndReadAfterIt() throws Exception {
        when(port.page(eq("sophie.laurent"), eq(0), eq(2), eq(new InboxFilter(null, null, null, null, "élodie"))))
                .thenReturn(new InboxPage(List.of(task("t1"), task("t2")), 2, "c-1"));
        when(port.pageAfter(
                        eq("sophie.laurent"), eq("c-1"), eq(2), eq(new InboxFilter(null, null, null, null, "élodie"))))
                .thenReturn(new InboxPage(List.of(task("t3")), null, null));

        mvc.perform(get("/api/tasks").param("max", "2").param("employee", "élodie"))
                .andExpect(status().isOk())
                .andExpect(header().string("Link", "</api/tasks?after=c-1&max=2&employee=%C3%A9lodie>; rel=\"next\""));
        mvc.perform(get("/api/tasks").param("after", "c-1").param("max", "2").param("employee", "élodie"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("t3"))
                .andExpect(header().doesNotExist("Link"));
    }

    @Test
    void aWrongDueFilterIsRefusedBeforeTheEngineIsAsked() throws Exception {
        mvc.perform(get("/api/tasks").param("due", "tomorrow"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.fields.due").value("must be 'overdue' or 'week', was 'tomorrow'"));
        verifyNoInteractions(port);
    }

    @Test
    void aTaskTheUserMayNotSeeIsNotFound() throws Exception {
        when(port.visible("sophie.laurent", "t9")).thenReturn(Optional.empty());

        mvc.perform(get("/api/tasks/t9"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No open task t9 for sophie.laurent"));
    }

    @Test
    void aTaskCompletedByAColleagueAMomentAgoIsAConflict() throws Exception {
        doThrow(new TrainflowProblem.Conflict("Task t1 was completed a moment ago"))
                .when(port)
                .complete(eq("sophie.laurent"), eq("t1"), anyMap(), any());

        mvc.perform(post("/api/tasks/t1/complete")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"variables\":{\"decision\":\"approve\"}}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Task t1 was completed a moment ago"));
    }

    @Test
    void anEngineRefusalReachesTheCallerAsTrainflowsProblem() throws Exception {
        IllegalStateException engineOwn = new IllegalStateException("engine: no such execution");
        when(port.visible("sophie.laurent", "t1")).thenThrow(engineOwn);
        when(engineErrors.problemOf(engineOwn))
                .thenReturn(Optional.of(new TrainflowProblem.NotFound("No execution for t1")));

        mvc.perform(get("/api/tasks/t1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No execution for t1"));
    }

    @Test
    void aBulkDecisionAnswersEachTaskOnItsOwn() throws Exception {
        doThrow(new TrainflowProblem.NotFound("No open task t2 for sophie.laurent"))
                .when(port)
                .complete(eq("sophie.laurent"), eq("t2"), anyMap(), any());

        mvc.perform(post("/api/tasks/decisions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"taskIds\":[\"t1\",\"t2\"],\"variables\":{\"decision\":\"approve\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decided").value(1))
                .andExpect(jsonPath("$.refused").value(1))
                .andExpect(jsonPath("$.results[0].status").value(204))
                .andExpect(jsonPath("$.results[1].status").value(404));
        verify(port).complete(eq("sophie.laurent"), eq("t1"), eq(Map.of("decision", "approve")), any());
    }

    private static InboxTask task(String id) {
        return new InboxTask(
                id,
                "Approve training request",
                "approve",
                "p-" + id,
                "training-request",
                "sophie.laurent",
                List.of(),
                Instant.parse("2026-12-01T09:00:00Z"),
                "REQ-" + id,
                "1042",
                "theo.martin",
                Map.of("pathCost", 1200),
                "approval",
                null,
                Instant.parse("2026-12-06T09:00:00Z"),
                null,
                50,
                false,
                Map.of("displayName", "Théo Martin", "department", "sales"),
                null);
    }
}
