package io.trainflow.plugin.web;

import io.trainflow.plugin.security.CurrentUser;
import io.trainflow.workflows.engine.UserTaskPort;
import jakarta.servlet.http.HttpServletResponse;
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

    private final UserTaskPort tasks;

    public TaskPage(UserTaskPort tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/tasks/{taskId}")
    public String page(@PathVariable String taskId, HttpServletResponse response) {
        if (tasks.visible(CurrentUser.name(), taskId).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        return "forward:/task.html";
    }
}
