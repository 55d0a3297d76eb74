package io.trainflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainflow.connectors.sample.SampleOrganisation;
import io.trainflow.workflows.api.Doc;
import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.engine.HandlerRegistry;
import io.trainflow.workflows.engine.RegisteredHandler;
import io.trainflow.workflows.engine.StepInputException;
import io.trainflow.workflows.engine.StepInvoker;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * A handler's input record says what its step needs, in one place: the template's "required" (an input not marked
 * optional) and the record's Bean Validation constraints agree, and a step that gets none of its inputs is refused at
 * binding naming each one it needs, before the handler runs.
 */
class InputConstraintsTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
    private static final Set<Class<? extends Annotation>> REQUIRED =
            Set.of(NotNull.class, NotBlank.class, NotEmpty.class);

    /**
     * Inputs the template requires (a process must map them) whose null or empty value still means something, so
     * no constraint refuses it. Each is a rule of its handler, not a missing input.
     */
    private static final Set<String> NULL_MEANS_SOMETHING = Set.of(
            "send-notification.recipient", // nobody to tell (a learner without a manager): nothing is sent
            "export-quiz.quizReviews"); // no decisions: the review is incomplete, the REVIEW_INCOMPLETE error

    private final HandlerRegistry registry =
            new HandlerRegistry(StepHandlers.all(Sample.ports(SampleOrganisation.fromClasspath(), Clock.systemUTC())));

    @Test
    void theTemplatesRequiredInputsAreExactlyTheConstrainedOnes() {
        Set<String> requiredUnconstrained = new TreeSet<>();
        Set<String> optionalButRequired = new TreeSet<>();
        for (Class<? extends StepHandler<?, ?>> type : StepHandlers.types()) {
            Class<?> input = HandlerRegistry.ioTypes(type)[0];
            String task = type.getAnnotation(io.trainflow.workflows.api.TaskType.class)
                    .value();
            for (RecordComponent component : input.getRecordComponents()) {
                Doc doc = component.getAnnotation(Doc.class);
                boolean optional = doc != null && doc.optional();
                boolean constrained = required(input, component.getName());
                if (!optional && !constrained) {
                    requiredUnconstrained.add(task + "." + component.getName());
                }
                if (optional && constrained) {
                    optionalButRequired.add(task + "." + component.getName());
                }
            }
        }
        assertThat(optionalButRequired)
                .as("optional in the template, refused when missing")
                .isEmpty();
        assertThat(requiredUnconstrained)
                .as("required by the template, not refused when missing")
                .containsExactlyInAnyOrderElementsOf(NULL_MEANS_SOMETHING);
    }

    @Test
    void aStepWithoutItsInputsIsRefusedAtBindingNamingEachOneItNeeds() {
        for (Class<? extends StepHandler<?, ?>> type : StepHandlers.types()) {
            String task = type.getAnnotation(io.trainflow.workflows.api.TaskType.class)
                    .value();
            RegisteredHandler handler = registry.find(task).orElseThrow();
            Class<?> input = HandlerRegistry.ioTypes(type)[0];
            Set<String> needed = new TreeSet<>();
            for (RecordComponent component : input.getRecordComponents()) {
                if (required(input, component.getName())) {
                    needed.add(component.getName());
                }
            }
            assertThat(needed).as("%s needs some input", task).isNotEmpty();
            assertThatThrownBy(() -> new StepInvoker().invoke(handler, Map.of()))
                    .as(task)
                    .isInstanceOfSatisfying(StepInputException.class, refused -> {
                        assertThat(refused.fields().keySet()).as(task).containsExactlyInAnyOrderElementsOf(needed);
                        assertThat(refused.getMessage()).startsWith("Input of task type '" + task + "' is not valid: ");
                    });
        }
    }

    private static boolean required(Class<?> input, String name) {
        PropertyDescriptor property = VALIDATOR.getConstraintsForClass(input).getConstraintsForProperty(name);
        return property != null
                && property.getConstraintDescriptors().stream()
                        .anyMatch(c -> REQUIRED.contains(c.getAnnotation().annotationType()));
    }
}
