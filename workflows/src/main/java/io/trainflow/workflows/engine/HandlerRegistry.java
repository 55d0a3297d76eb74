package io.trainflow.workflows.engine;

import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The step handlers an engine adapter can run, by task type. */
public final class HandlerRegistry {

    private final Map<String, RegisteredHandler> byType = new LinkedHashMap<>();

    public HandlerRegistry(Collection<? extends StepHandler<?, ?>> handlers) {
        for (StepHandler<?, ?> handler : handlers) {
            RegisteredHandler registered = register(handler);
            RegisteredHandler previous = byType.putIfAbsent(registered.type(), registered);
            if (previous != null) {
                throw new IllegalArgumentException("Task type '" + registered.type() + "' has two handlers: "
                        + previous.handler().getClass().getName() + " and "
                        + handler.getClass().getName());
            }
        }
    }

    private HandlerRegistry() {}

    /** Handlers already registered (a tool that runs others' models with stand-in handlers builds these itself). */
    public static HandlerRegistry of(Collection<RegisteredHandler> handlers) {
        HandlerRegistry registry = new HandlerRegistry();
        handlers.forEach(h -> {
            if (registry.byType.putIfAbsent(h.type(), h) != null) {
                throw new IllegalArgumentException("Task type '" + h.type() + "' has two handlers");
            }
        });
        return registry;
    }

    public Optional<RegisteredHandler> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Set<String> types() {
        return byType.keySet();
    }

    public Collection<RegisteredHandler> all() {
        return byType.values();
    }

    private static RegisteredHandler register(StepHandler<?, ?> handler) {
        TaskType taskType = handler.getClass().getAnnotation(TaskType.class);
        if (taskType == null) {
            throw new IllegalArgumentException(handler.getClass().getName() + " is not annotated with @TaskType");
        }
        Class<?>[] io = ioTypes(handler.getClass());
        return new RegisteredHandler(taskType.value(), taskType, handler, io[0], io[1]);
    }

    /** The record types I and O of StepHandler&lt;I, O&gt;, read from the handler class. */
    public static Class<?>[] ioTypes(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType p && p.getRawType() == StepHandler.class) {
                    return new Class<?>[] {raw(p.getActualTypeArguments()[0]), raw(p.getActualTypeArguments()[1])};
                }
            }
        }
        throw new IllegalArgumentException(
                handlerClass.getName() + " must implement StepHandler<I, O> with concrete types");
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("Cannot use " + type + " as a step input or output type");
    }
}
