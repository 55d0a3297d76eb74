package io.trainflow.engine.camunda;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.trainflow.workflows.duties.Duties;
import io.trainflow.workflows.duties.Parties;
import io.trainflow.workflows.duties.Routing;
import io.trainflow.workflows.duties.Step;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.InboxFilter;
import io.trainflow.workflows.engine.InboxPage;
import io.trainflow.workflows.engine.InboxTask;
import io.trainflow.workflows.engine.UserTaskPort;
import io.trainflow.workflows.notify.tasks.TaskNotice;
import io.trainflow.workflows.problems.TrainflowProblem;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The user-task port on Camunda 8: tasks ({@code zeebe:userTask}) searched and completed through the cluster's REST
 * API, with separation of duties applied by Trainflow exactly as on Flowable ({@link Duties}: the requester and the
 * learner never see nor decide their own request's tasks, nobody decides two levels). The rule reads the task's
 * process variables, searched per process instance; a completion records who decided which level
 * ({@value Parties#DECIDED}) with the completion's variables.
 */
public final class CamundaUserTasks implements UserTaskPort {

    /** How many open tasks one search reads while filling a page (separation of duties filters them after). */
    static final int BATCH = 100;

    private static final JsonMapper JSON = CamundaVariables.JSON;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final CamundaClient client;
    private final CamundaVariables reader;
    private final Duties duties;
    private final Clock clock;

    /** Trainflow's own database, for what a decision records beside it (the access audit's line). */
    private final DataSource records;

    public CamundaUserTasks(CamundaClient client, Directory directory, Clock clock, DataSource records) {
        this.records = records;
        this.client = client;
        this.reader = new CamundaVariables(client);
        this.duties = new Duties(directory);
        this.clock = clock;
    }

    @Override
    public InboxPage page(String user, int first, int max, InboxFilter filter) {
        List<InboxTask> page = new ArrayList<>();
        int position = first;
        while (true) {
            List<UserTask> batch = open(filter, position, BATCH);
            for (UserTask task : batch) {
                Map<String, Object> variables = variables(task);
                if (maySee(user, task, variables) && matches(filter, variables, task)) {
                    if (page.size() == max) {
                        return new InboxPage(page, position);
                    }
                    page.add(view(task, variables));
                }
                position++;
            }
            if (batch.size() < BATCH) {
                return new InboxPage(page, null);
            }
        }
    }

    @Override
    public Optional<InboxTask> visible(String user, String taskId) {
        Optional<UserTask> task = find(taskId).filter(t -> t.getState() == UserTaskState.CREATED);
        if (task.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> variables = variables(task.get());
        if (!maySee(user, task.get(), variables)) {
            return Optional.empty();
        }
        return Optional.of(view(task.get(), variables).withForm(form(task.get())));
    }

    @Override
    public List<InboxTask> visibleOfRequest(String user, String requestId) {
        List<InboxTask> visible = new ArrayList<>();
        for (UserTask task : ofRequest(requestId)) {
            Map<String, Object> variables = variables(task);
            if (maySee(user, task, variables)) {
                visible.add(view(task, variables));
            }
        }
        return visible;
    }

    @Override
    public List<InboxTask> waitingOn(String requestId) {
        return ofRequest(requestId).stream()
                .map(task -> view(task, Map.of("requestId", requestId)))
                .toList();
    }

    @Override
    public void complete(String user, String taskId, Map<String, Object> variables) {
        Open open = openTask(user, taskId);
        UserTask task = open.task();
        Map<String, Object> read = open.variables();
        Step step = step(task, read);
        Map<String, Object> completion = new HashMap<>(variables == null ? Map.of() : variables);
        if (step.decision()) {
            Object onBehalfOf = user.equals(read.get("approver")) ? read.get(Parties.ON_BEHALF_OF) : null;
            completion.put(
                    Parties.DECIDED,
                    parties(read).decidedAfter(step.level(), user, onBehalfOf instanceof String s ? s : null));
        }
        CamundaErrors.translated(() -> client.newCompleteUserTaskCommand(task.getUserTaskKey())
                .variables(completion)
                .send()
                .join());
    }

    /**
     * Camunda 8 keeps a task's state in the cluster, not in Trainflow's database, so the two cannot share one
     * transaction: the line is written right after the cluster took the completion (a crash in between loses the
     * line, never the decision).
     */
    @Override
    public void complete(String user, String taskId, Map<String, Object> variables, InTransaction alsoRecord) {
        complete(user, taskId, variables);
        if (records == null) {
            throw new IllegalStateException("No Trainflow database to record task " + taskId + "'s decision in");
        }
        try (Connection connection = records.getConnection()) {
            connection.setAutoCommit(false);
            try {
                alsoRecord.run(connection);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Task " + taskId + " was decided; its record could not be written", e);
        }
    }

    @Override
    public void claim(String user, String taskId) {
        UserTask task = openTask(user, taskId).task();
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw new TrainflowProblem.Conflict("Task " + taskId + " was taken by someone else meanwhile");
        }
        CamundaErrors.translated(() -> client.newAssignUserTaskCommand(task.getUserTaskKey())
                .assignee(user)
                .allowOverride(false)
                .send()
                .join());
    }

    @Override
    public void unclaim(String user, String taskId) {
        UserTask task = openTask(user, taskId).task();
        if (!user.equals(task.getAssignee())) {
            throw new TrainflowProblem.Conflict("Task " + taskId + " is not taken by " + user);
        }
        CamundaErrors.translated(() ->
                client.newUnassignUserTaskCommand(task.getUserTaskKey()).send().join());
    }

    @Override
    public List<Object> openTaskValues(String elementId, String variable) {
        List<Object> values = new ArrayList<>();
        for (UserTask task : open(new InboxFilter(elementId, null, null, null, null), 0, BATCH)) {
            values.add(variables(task).get(variable));
        }
        return values;
    }

    /** How many open tasks the user may see (all of them read: one variable search per open task). */
    long countVisible(String user) {
        long visible = 0;
        for (int position = 0; ; position += BATCH) {
            List<UserTask> batch = open(InboxFilter.NONE, position, BATCH);
            for (UserTask task : batch) {
                if (maySee(user, task, variables(task))) {
                    visible++;
                }
            }
            if (batch.size() < BATCH) {
                return visible;
            }
        }
    }

    /** The notification dispatcher's view of an open task: the request's parties, the task's step. */
    TaskNotice notice(UserTask task, TaskNotice.Kind kind) {
        Map<String, Object> variables = variables(task);
        return TaskNotice.of(
                kind,
                String.valueOf(task.getUserTaskKey()),
                task.getName(),
                variables,
                parties(variables),
                step(task, variables));
    }

    /** The open tasks assigned to {@code user} by name, oldest first, paged through. */
    List<UserTask> assignedTo(String user) {
        List<UserTask> all = new ArrayList<>();
        for (int position = 0; ; position += BATCH) {
            int from = position;
            List<UserTask> page = CamundaErrors.translated(() -> client.newUserTaskSearchRequest()
                    .filter(f -> f.state(UserTaskState.CREATED).assignee(user))
                    .sort(s -> s.creationDate().asc())
                    .page(p -> p.from(from).limit(BATCH))
                    .send()
                    .join()
                    .items());
            all.addAll(page);
            if (page.size() < BATCH) {
                return all;
            }
        }
    }

    /**
     * As the embedded engine routes a task it creates: when nobody it is offered to may decide it (separation of
     * duties), it goes to the others or to {@code hr-fallback}, with the reason as the task's own {@code routingNote};
     * returns the task as it is now.
     */
    UserTask route(UserTask task) {
        Map<String, Object> variables = variables(task);
        if (variables.get("routingNote") != null) {
            return task; // taken in before (a look overlaps the last one; a restart looks a week back)
        }
        Routing routing = duties.route(parties(variables), step(task, variables));
        if (!routing.changed()) {
            return task;
        }
        CamundaErrors.translated(() -> client.newSetVariablesCommand(task.getElementInstanceKey())
                .variables(Map.of("routingNote", routing.note()))
                .local(true)
                .send()
                .join());
        if (routing.assignee() == null && task.getAssignee() != null) {
            CamundaErrors.translated(() -> client.newUnassignUserTaskCommand(task.getUserTaskKey())
                    .send()
                    .join());
        }
        var update = client.newUpdateUserTaskCommand(task.getUserTaskKey());
        update = routing.candidateUsers().isEmpty()
                ? update.clearCandidateUsers()
                : update.candidateUsers(List.copyOf(routing.candidateUsers()));
        update = routing.candidateGroups().isEmpty()
                ? update.clearCandidateGroups()
                : update.candidateGroups(List.copyOf(routing.candidateGroups()));
        var changes = update;
        CamundaErrors.translated(() -> changes.send().join());
        return find(String.valueOf(task.getUserTaskKey())).orElse(task);
    }

    /** An open task with its variables as read once. */
    private record Open(UserTask task, Map<String, Object> variables) {}

    /** The open task the user may act on; anyone else gets the answer an unknown task gets. */
    private Open openTask(String user, String taskId) {
        UserTask task = find(taskId)
                .filter(t -> t.getState() == UserTaskState.CREATED)
                .orElseThrow(() -> new TrainflowProblem.NotFound("No open task " + taskId + " for " + user));
        Map<String, Object> variables = variables(task);
        duties.checkCompletion(user, taskId, parties(variables), step(task, variables));
        return new Open(task, variables);
    }

    Optional<UserTask> find(String taskId) {
        long key;
        try {
            key = Long.parseLong(taskId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        List<UserTask> found = CamundaErrors.translated(() -> client.newUserTaskSearchRequest()
                .filter(f -> f.userTaskKey(key))
                .send()
                .join()
                .items());
        return found.stream().findFirst();
    }

    /** Open tasks due first, then highest priority, then oldest; the element filter is the cluster's. */
    private List<UserTask> open(InboxFilter filter, int from, int limit) {
        return CamundaErrors.translated(() -> client.newUserTaskSearchRequest()
                .filter(f -> {
                    f.state(UserTaskState.CREATED);
                    if (InboxFilter.present(filter.taskType())) {
                        f.elementId(filter.taskType());
                    }
                })
                .sort(s -> s.dueDate().asc().priority().desc().creationDate().asc())
                .page(p -> p.from(from).limit(limit))
                .send()
                .join()
                .items());
    }

    private List<UserTask> ofRequest(String requestId) {
        // the cluster compares a variable's stored JSON: a string is matched with its quotes
        String json = JSON.writeValueAsString(requestId);
        return CamundaErrors.translated(() -> client.newUserTaskSearchRequest()
                .filter(f -> f.state(UserTaskState.CREATED).processInstanceVariables(Map.of("requestId", json)))
                .sort(s -> s.creationDate().asc())
                .page(p -> p.limit(BATCH))
                .send()
                .join()
                .items());
    }

    /** The task's variables: its process instance's, overlaid by its own element's. */
    Map<String, Object> variables(UserTask task) {
        return reader.of(task.getProcessInstanceKey(), task.getElementInstanceKey());
    }

    private Map<String, Object> form(UserTask task) {
        if (task.getFormKey() == null) {
            return null;
        }
        String schema = CamundaErrors.translated(() -> client.newUserTaskGetFormRequest(task.getUserTaskKey())
                        .send()
                        .join())
                .getSchema();
        return schema == null ? null : JSON.readValue(schema, OBJECT);
    }

    private boolean maySee(String user, UserTask task, Map<String, Object> variables) {
        return duties.maySee(user, parties(variables), step(task, variables));
    }

    static Parties parties(Map<String, Object> variables) {
        return Parties.of(
                variables.get(Parties.REQUESTER), variables.get(Parties.PROFILE), variables.get(Parties.DECIDED));
    }

    /** An approval is a user task with the task header {@code approval = true} (docs/TASK-TYPES.md), as on Flowable. */
    static Step step(UserTask task, Map<String, Object> variables) {
        Map<String, String> headers = task.getCustomHeaders() == null ? Map.of() : task.getCustomHeaders();
        Object level = variables.get(Parties.LEVEL);
        return new Step(
                task.getElementId(),
                task.getName(),
                "true".equalsIgnoreCase(headers.get("approval")),
                level instanceof String l ? l : null,
                task.getAssignee(),
                set(task.getCandidateUsers()),
                set(task.getCandidateGroups()));
    }

    /** The inbox's narrowing that the search cannot do itself: due, department, campaign, learner. */
    private boolean matches(InboxFilter filter, Map<String, Object> variables, UserTask task) {
        Instant now = clock.instant();
        Instant due = instant(task.getDueDate());
        if ("overdue".equals(filter.due()) && (due == null || !due.isBefore(now))) {
            return false;
        }
        if ("week".equals(filter.due()) && (due == null || due.isAfter(now.plus(java.time.Duration.ofDays(7))))) {
            return false;
        }
        Map<?, ?> profile = variables.get(Parties.PROFILE) instanceof Map<?, ?> p ? p : Map.of();
        if (InboxFilter.present(filter.department()) && !filter.department().equals(profile.get("department"))) {
            return false;
        }
        if (InboxFilter.present(filter.campaign()) && !filter.campaign().equals(variables.get("programmeId"))) {
            return false;
        }
        if (InboxFilter.present(filter.employee())) {
            String needle = filter.employee().toLowerCase(java.util.Locale.ROOT);
            return String.valueOf(profile.get("displayName"))
                            .toLowerCase(java.util.Locale.ROOT)
                            .contains(needle)
                    || String.valueOf(variables.get("employeeId"))
                            .toLowerCase(java.util.Locale.ROOT)
                            .contains(needle);
        }
        return true;
    }

    private InboxTask view(UserTask task, Map<String, Object> variables) {
        Map<String, Object> context = new HashMap<>();
        CONTEXT.forEach(name -> {
            if (variables.containsKey(name)) {
                context.put(name, variables.get(name));
            }
        });
        Instant due = instant(task.getDueDate());
        return new InboxTask(
                String.valueOf(task.getUserTaskKey()),
                task.getName(),
                task.getElementId(),
                String.valueOf(task.getProcessInstanceKey()),
                task.getBpmnProcessId(),
                task.getAssignee(),
                task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups(),
                instant(task.getCreationDate()),
                (String) variables.get("requestId"),
                (String) variables.get("employeeId"),
                (String) variables.get("requestedBy"),
                context,
                task.getFormKey() == null ? null : String.valueOf(task.getFormKey()),
                null,
                due,
                instant(task.getFollowUpDate()),
                task.getPriority() == null ? 50 : task.getPriority(),
                due != null && due.isBefore(clock.instant()),
                null,
                (String) variables.get("programmeId"));
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
