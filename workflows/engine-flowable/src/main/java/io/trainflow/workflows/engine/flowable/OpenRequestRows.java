package io.trainflow.workflows.engine.flowable;

import io.trainflow.workflows.engine.ClaimedOpenRequests;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flowable.common.engine.api.delegate.event.AbstractFlowableEventListener;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.variable.api.event.FlowableVariableEvent;

/**
 * The rows of {@code tf_open_request} (migration V14): which employee each running {@code training-request} is for.
 * Written on the engine command's own connection as the instance's {@code employeeId} is set (a request started by
 * intake, by a campaign's call activity, or by any program), deleted as the instance ends; so finding a person's open
 * requests is an index lookup. Flowable's own query for a variable's value scans every running request once per call,
 * and every request asks it up to three times: a quarter of the CPU of a 1,000-person intake went there.
 */
final class OpenRequestRows extends AbstractFlowableEventListener {

    static final String VARIABLE = "employeeId";

    /** A variable set, and every way an instance ends ({@link StepLedger#ENDS}). */
    static final FlowableEngineEventType[] EVENTS = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(
                            FlowableEngineEventType.VARIABLE_CREATED, FlowableEngineEventType.VARIABLE_UPDATED),
                    java.util.Arrays.stream(StepLedger.ENDS))
            .toArray(FlowableEngineEventType[]::new);

    @Override
    public void onEvent(FlowableEvent event) {
        if (event instanceof FlowableVariableEvent variable) {
            if (VARIABLE.equals(variable.getVariableName())
                    && variable.getProcessInstanceId() != null
                    && variable.getProcessInstanceId().equals(variable.getExecutionId())
                    && variable.getTaskId() == null
                    && isRequest(definitionOf(variable))) {
                write(variable.getProcessInstanceId(), variable.getVariableValue());
            }
        } else if (event instanceof FlowableEngineEvent ended && ended.getProcessInstanceId() != null) {
            update("DELETE FROM tf_open_request WHERE process_instance_id = ?", ended.getProcessInstanceId());
        }
    }

    private static String definitionOf(FlowableVariableEvent variable) {
        if (variable.getProcessDefinitionId() != null) {
            return variable.getProcessDefinitionId();
        }
        ExecutionEntity instance =
                CommandContextUtil.getExecutionEntityManager().findById(variable.getProcessInstanceId());
        return instance == null ? null : instance.getProcessDefinitionId();
    }

    private static boolean isRequest(String processDefinitionId) {
        return processDefinitionId != null
                && ClaimedOpenRequests.PROCESS.equals(ProcessDefinitionUtil.getProcessDefinition(processDefinitionId)
                        .getKey());
    }

    private static void write(String processInstanceId, Object employeeId) {
        if (employeeId == null) {
            update("DELETE FROM tf_open_request WHERE process_instance_id = ?", processInstanceId);
            return;
        }
        String employee = cut(String.valueOf(employeeId));
        if (update(
                        "UPDATE tf_open_request SET employee_id = ? WHERE process_instance_id = ?",
                        employee,
                        processInstanceId)
                == 0) {
            update(
                    "INSERT INTO tf_open_request (employee_id, process_instance_id) VALUES (?, ?)",
                    employee,
                    processInstanceId);
        }
    }

    private static String cut(String value) {
        return value.length() > 200 ? value.substring(0, 200) : value;
    }

    private static int update(String sql, String... parameters) {
        Connection connection = EngineConnection.of(Context.getCommandContext());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write tf_open_request: " + e.getMessage(), e);
        }
    }

    /**
     * The running requests of the employee, oldest first: the rows joined to the engine's running instances (a
     * row whose instance is gone never counts).
     */
    static List<String> running(ManagementService management, String employeeId) {
        return management.executeCommand(context -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement statement = EngineConnection.of(context)
                    .prepareStatement("SELECT O.process_instance_id FROM tf_open_request O JOIN ACT_RU_EXECUTION E"
                            + " ON E.ID_ = O.process_instance_id WHERE O.employee_id = ?"
                            + " ORDER BY E.START_TIME_, E.ID_")) {
                statement.setString(1, cut(employeeId));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read tf_open_request: " + e.getMessage(), e);
            }
            return ids;
        });
    }

    /**
     * Rows for running requests that have none (started before V14, or on a database this listener did not watch),
     * none for instances that are gone. Each run is one command; two nodes starting together may both insert the
     * same row, so a failed run is tried again, and the second finds the other's rows.
     */
    static void backfill(ManagementService management) {
        for (int attempt = 1; ; attempt++) {
            try {
                management.executeCommand(context -> {
                    Connection connection = EngineConnection.of(context);
                    try (var statement = connection.createStatement()) {
                        statement.executeUpdate("DELETE FROM tf_open_request WHERE NOT EXISTS (SELECT E.ID_ FROM"
                                + " ACT_RU_EXECUTION E WHERE E.ID_ = tf_open_request.process_instance_id)");
                        statement.executeUpdate("INSERT INTO tf_open_request (process_instance_id, employee_id)"
                                + " SELECT E.ID_, SUBSTRING(V.TEXT_ FROM 1 FOR 200) FROM ACT_RU_EXECUTION E"
                                + " JOIN ACT_RE_PROCDEF P ON P.ID_ = E.PROC_DEF_ID_"
                                + " JOIN ACT_RU_VARIABLE V ON V.EXECUTION_ID_ = E.ID_ AND V.TASK_ID_ IS NULL"
                                + " AND V.NAME_ = '" + VARIABLE + "' AND V.TEXT_ IS NOT NULL"
                                + " WHERE E.PARENT_ID_ IS NULL AND E.ID_ = E.PROC_INST_ID_ AND P.KEY_ = '"
                                + ClaimedOpenRequests.PROCESS + "' AND NOT EXISTS (SELECT O.process_instance_id"
                                + " FROM tf_open_request O WHERE O.process_instance_id = E.ID_)");
                    } catch (SQLException e) {
                        throw new IllegalStateException("Could not fill tf_open_request: " + e.getMessage(), e);
                    }
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public boolean isFailOnException() {
        return true; // the row commits with the request, or neither does
    }
}
