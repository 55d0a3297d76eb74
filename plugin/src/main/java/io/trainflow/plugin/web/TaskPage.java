package io.trainflow.plugin.web;

import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.engine.Directory;
import io.trainflow.workflows.engine.flowable.TrainflowEngine;
import io.trainflow.workflows.engine.flowable.UserTasks;
import jakarta.servlet.http.HttpServletResponse;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A task's page ({@code /tasks/<id>}, where notifications link to): the page for whoever may see the task, and a 404
 * page for everyone else, exactly as for a task that does not exist (or no longer waits), so a forwarded link tells
 * nobody else anything. The page's script then reads the task through the API, which applies the same rule.
 */
@Controller
public class TaskPage {

    private final TrainflowEngine engine;
    private final UserTasks tasks;

    public TaskPage(TrainflowEngine engine, Directory directory) {
        this.engine = engine;
        this.tasks = new UserTasks(engine.flowable(), directory);
    }

    @GetMapping("/tasks/{taskId}")
    public String page(@PathVariable String taskId, HttpServletResponse response) {
        Task task = engine.flowable().getTaskService().createTaskQuery().taskId(taskId).active().singleResult();
        if (task == null || !tasks.maySee(CurrentUser.name(), task)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        return "forward:/task.html";
    }
}
