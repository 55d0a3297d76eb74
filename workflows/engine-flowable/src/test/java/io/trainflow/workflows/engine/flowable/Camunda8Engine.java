package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.engine.HandlerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.ProcessInstance;

/**
 * The real engine on a private in-memory database with its clock held still, for the Camunda 8
 * feature models under {@code src/test/resources/camunda8/<feature>/}.
 */
final class Camunda8Engine implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    final TrainflowEngine engine;
    final ProcessEngine flowable;

    Camunda8Engine(StepHandler<?, ?>... handlers) {
        this(new HandlerRegistry(new ArrayList<>(List.of(handlers))));
    }

    Camunda8Engine(HandlerRegistry handlers) {
        EngineClock clock = new EngineClock();
        clock.set(T0);
        engine = TrainflowEngine.builder()
                .jdbcUrl("jdbc:h2:mem:c8-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .handlers(handlers)
                .directory(user -> user.equals("lena") ? Set.of(UserTaskDefaults.DEFAULT_GROUP) : Set.of())
                .retryPolicy(new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 0))
                .clock(clock)
                .background(false)
                .build();
        flowable = engine.flowable();
    }

    /** Deploys {@code camunda8/<feature>} all or nothing. */
    Camunda8Engine deploy(String feature) {
        try {
            engine.deployments().deployFolder(folder(feature));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    static Path folder(String feature) {
        return Path.of("src/test/resources/camunda8", feature);
    }

    ProcessInstance start(String key, Map<String, Object> variables) {
        ProcessInstance instance = flowable.getRuntimeService().startProcessInstanceByKey(key, variables);
        run();
        return instance;
    }

    void run() {
        engine.driver().runUntilIdle();
    }

    void advance(Duration duration) {
        engine.clock().advance(duration);
        run();
    }

    boolean ended(ProcessInstance instance) {
        return flowable.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count()
                == 0;
    }

    /** Ids of the activities the instance passed through, in order. */
    List<String> path(ProcessInstance instance) {
        return activities(instance).stream().map(a -> a.getActivityId()).toList();
    }

    /** Ids of the elements the instance passed through, in order, its sequence flows left out. */
    List<String> nodes(ProcessInstance instance) {
        return activities(instance).stream()
                .filter(a -> !"sequenceFlow".equals(a.getActivityType()))
                .map(a -> a.getActivityId())
                .toList();
    }

    private List<org.flowable.engine.history.HistoricActivityInstance> activities(ProcessInstance instance) {
        return flowable.getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .orderByHistoricActivityInstanceId()
                .asc()
                .list();
    }

    String endActivity(ProcessInstance instance) {
        return flowable.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .singleResult()
                .getEndActivityId();
    }

    Map<String, Object> variables(ProcessInstance instance) {
        Map<String, Object> vars = new HashMap<>();
        flowable.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .excludeLocalVariables()
                .list()
                .forEach(v -> vars.put(v.getVariableName(), v.getValue()));
        return vars;
    }

    @Override
    public void close() {
        engine.close();
    }
}
