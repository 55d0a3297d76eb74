package io.trainflow.workflows.engine.flowable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.flowable.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Camunda 8's bindingType on called processes and decisions (camunda8/binding): an instance started on the first
 * deployment reaches its call activities and business rule tasks after a second one: {@code latest} takes the new
 * version, {@code deployment} the one deployed with the instance's process, {@code versionTag} the latest version
 * tagged so, even for an instance started on the second deployment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BindingTypeTest {

    private final Camunda8Engine c8 = new Camunda8Engine();

    @AfterAll
    void stop() {
        c8.close();
    }

    @Test
    void eachBindingChoosesTheDocumentedVersion() {
        c8.deploy("binding/v1");
        ProcessInstance onFirst = c8.start("parent", Map.of());
        c8.advance(Duration.ofMinutes(1));
        c8.deploy("binding/v2");
        ProcessInstance onSecond = c8.start("parent", Map.of());

        complete(onFirst);
        complete(onSecond);

        assertThat(c8.variables(onFirst))
                .containsEntry("viaLatest", "v2")
                .containsEntry("viaDeployment", "v1")
                .containsEntry("viaTag", "v1")
                .containsEntry("rateLatest", "v2")
                .containsEntry("rateDeployment", "v1")
                .containsEntry("rateTagged", "v1");
        assertThat(c8.variables(onSecond))
                .containsEntry("viaLatest", "v2")
                .containsEntry("viaDeployment", "v2")
                .containsEntry("viaTag", "v1")
                .containsEntry("rateLatest", "v2")
                .containsEntry("rateDeployment", "v2")
                .containsEntry("rateTagged", "v1");
        assertThat(c8.ended(onFirst) && c8.ended(onSecond)).isTrue();
    }

    private void complete(ProcessInstance instance) {
        var task = c8.flowable
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        new UserTasks(c8.flowable, user -> Set.of()).complete("lena", task.getId(), Map.of());
        c8.run();
    }
}
