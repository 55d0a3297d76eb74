package io.trainflow.plugin.quizzes;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.trainflow.connectors.catalogue.CataloguePort;
import io.trainflow.connectors.catalogue.CourseOffering;
import io.trainflow.connectors.hcm.HcmPort;
import io.trainflow.plugin.web.ProblemHandler;
import io.trainflow.workflows.api.OpenRequests;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.EngineErrors;
import io.trainflow.workflows.engine.ProcessHistoryPort;
import io.trainflow.workflows.engine.ProcessHistoryPort.ProcessRecord;
import io.trainflow.workflows.engine.ProcessStarter;
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
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The quiz reviews' REST face against fake ports (Mockito at the process-start and history ports): who may start
 * and read a review, what a start answers, and how wrong input is refused, without an engine or a database.
 */
class QuizzesControllerSliceTest {

    private final ProcessStarter starter = mock(ProcessStarter.class);
    private final CataloguePort catalogue = mock(CataloguePort.class);
    private final ProcessHistoryPort history = mock(ProcessHistoryPort.class);
    private final EngineErrors engineErrors = mock(EngineErrors.class);
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        Directory directory =
                Directory.of(Map.of("ld-team", Set.of("zoe.vincent"), "sme", Set.of("lucas.moreau", "hugo.roux")));
        Intake intake = new Intake(starter, mock(OpenRequests.class), mock(HcmPort.class), catalogue, directory);
        QuizzesController controller = new QuizzesController(intake, history, new QuizReviewers(directory));
        mvc = MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new ProblemHandler(engineErrors))
                .build();
        when(engineErrors.problemOf(any())).thenReturn(Optional.empty());
        when(catalogue.offering("105"))
                .thenReturn(Optional.of(new CourseOffering("105", List.of(), List.of(), 600, "EUR")));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private ResultActions as(String user, RequestBuilder request) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(user, "n/a"));
        return mvc.perform(request);
    }

    private static RequestBuilder start(String body) {
        return post("/api/quizzes").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void anSmeStartsAReviewThatTheOtherSmesWillSee() throws Exception {
        when(starter.start(eq("hugo.roux"), eq("quiz-review"), anyString(), anyMap()))
                .thenReturn(new ProcessStarter.Started("p-9", "QUIZ-105-abc"));

        as("hugo.roux", start("{\"courseId\": \"105\", \"maxQuestions\": 3}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.businessKey").value("QUIZ-105-abc"))
                .andExpect(jsonPath("$.reviewGroup").value("sme"))
                .andExpect(jsonPath("$.reviewers").value(org.hamcrest.Matchers.contains("lucas.moreau")));
        verify(starter)
                .start(
                        eq("hugo.roux"),
                        eq("quiz-review"),
                        anyString(),
                        argThat(v -> "105".equals(v.get("courseId"))
                                && Integer.valueOf(3).equals(v.get("maxQuestions"))));
    }

    @Test
    void someoneOutsideLdAndTheSmesNeitherStartsNorReadsAReview() throws Exception {
        as("alice.martin", start("{\"courseId\": \"105\"}")).andExpect(status().isForbidden());
        as("alice.martin", get("/api/quizzes/QUIZ-105-abc")).andExpect(status().isForbidden());
        verify(starter, never()).start(any(), any(), any(), any());
        verify(history, never()).byBusinessKey(any(), any());
    }

    @Test
    void aWrongCourseOrQuestionCountIsRefusedNamingTheField() throws Exception {
        as("zoe.vincent", start("{\"courseId\": \"777\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.courseId").value("'777' is not a course of the catalogue"));
        as("zoe.vincent", start("{\"courseId\": \"105\", \"maxQuestions\": 31}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.maxQuestions").exists());
        verify(starter, never()).start(any(), any(), any(), any());
    }

    @Test
    void aFinishedReviewShowsItsExportAndAnUnknownOneIsNotFound() throws Exception {
        when(history.byBusinessKey("quiz-review", "QUIZ-105-abc"))
                .thenReturn(Optional.of(new ProcessRecord(
                        "p-9",
                        "quiz-review",
                        "def",
                        "QUIZ-105-abc",
                        Instant.EPOCH,
                        Instant.EPOCH.plusSeconds(60),
                        "exported",
                        null,
                        null)));
        when(history.variables("p-9"))
                .thenReturn(Map.of(
                        "courseId",
                        "105",
                        "requestedBy",
                        "hugo.roux",
                        "exportedQuestions",
                        3,
                        "quizFiles",
                        Map.of("gift", "/exports/quiz.gift")));

        as("lucas.moreau", get("/api/quizzes/QUIZ-105-abc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ended"))
                .andExpect(jsonPath("$.exportedQuestions").value(3))
                .andExpect(jsonPath("$.files.gift").value("/exports/quiz.gift"));
        as("lucas.moreau", get("/api/quizzes/QUIZ-nope")).andExpect(status().isNotFound());
    }
}
