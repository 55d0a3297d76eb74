package io.trainflow.workflows;

import io.trainflow.workflows.api.StepHandler;
import io.trainflow.workflows.api.TaskType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every step handler on the class path: the classes each jar names in {@value #REGISTRY} (Trainflow's own in the
 * workflows module; a connector jar adds its own the same way), each built with the ports its one public
 * constructor asks for. No list of instances to keep by hand.
 */
public final class StepHandlers {

    /** The resource listing handler classes, one fully qualified name a line ({@code #} starts a comment). */
    public static final String REGISTRY = "META-INF/trainflow/step-handlers";

    private StepHandlers() {}

    /** The handler classes, in the order the registries list them; nothing is built. */
    public static List<Class<? extends StepHandler<?, ?>>> types() {
        ClassLoader loader = StepHandlers.class.getClassLoader();
        Set<Class<? extends StepHandler<?, ?>>> types = new LinkedHashSet<>();
        try {
            Enumeration<URL> registries = loader.getResources(REGISTRY);
            while (registries.hasMoreElements()) {
                URL registry = registries.nextElement();
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(registry.openStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        String name = line.replaceAll("#.*", "").strip();
                        if (!name.isEmpty()) {
                            types.add(handlerClass(name, loader, registry));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + REGISTRY, e);
        }
        return List.copyOf(types);
    }

    /** The task types the handler classes serve, read from their {@link TaskType}; nothing is built. */
    public static Set<String> taskTypes() {
        Set<String> names = new LinkedHashSet<>();
        types().forEach(type -> names.add(type.getAnnotation(TaskType.class).value()));
        return names;
    }

    /** Every handler, wired to the ports. */
    public static List<StepHandler<?, ?>> all(TrainflowPorts p) {
        List<StepHandler<?, ?>> handlers = new ArrayList<>();
        for (Class<? extends StepHandler<?, ?>> type : types()) {
            handlers.add(create(type, p));
        }
        return handlers;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends StepHandler<?, ?>> handlerClass(String name, ClassLoader loader, URL registry) {
        try {
            Class<?> type = Class.forName(name, false, loader);
            if (!StepHandler.class.isAssignableFrom(type) || type.getAnnotation(TaskType.class) == null) {
                throw new IllegalStateException(
                        registry + ": " + name + " is not a StepHandler annotated with @TaskType");
            }
            return (Class<? extends StepHandler<?, ?>>) type;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(registry + ": no class " + name + " on the class path", e);
        }
    }

    /** Builds a handler with the ports its constructor's parameters name by type (LmsPort, Clock, ...). */
    static StepHandler<?, ?> create(Class<? extends StepHandler<?, ?>> type, TrainflowPorts ports) {
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1) {
            throw new IllegalStateException(type.getName() + " needs exactly one public constructor, taking ports");
        }
        Class<?>[] parameters = constructors[0].getParameterTypes();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = port(ports, parameters[i], type);
        }
        try {
            return (StepHandler<?, ?>) constructors[0].newInstance(arguments);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot build " + type.getName() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static Object port(TrainflowPorts ports, Class<?> wanted, Class<?> handler) {
        for (RecordComponent component : TrainflowPorts.class.getRecordComponents()) {
            if (wanted.isAssignableFrom(component.getType())) {
                try {
                    return component.getAccessor().invoke(ports);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException(handler.getName() + "'s constructor asks for a " + wanted.getSimpleName()
                + ", which TrainflowPorts does not offer");
    }
}
